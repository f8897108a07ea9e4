package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar refuses a start it cannot make in one line on standard error with a non-zero exit, saying what to
 * change, before it starts anything; {@code --help} lists every option and variable.
 */
class RefusedStartIT {

    @TempDir
    Path parent;

    @Test
    void namesEachPortInUseAndTheVariableThatMovesIt() throws IOException {
        LocalSettings settings = LocalRuns.embeddedDefaults(parent.resolve("data"));
        for (LocalPorts.Port port : LocalPorts.of(settings)) {
            try (ServerSocket taken = new ServerSocket()) {
                taken.bind(new InetSocketAddress("127.0.0.1", port.number()));

                LocalRunCommand.Result result = LocalRunCommand.run(settings, Map.of());

                assertThat(result.exit()).as(result.err()).isEqualTo(1);
                assertThat(result.errLines()).as(port.listener()).hasSize(1);
                assertThat(result.err())
                        .contains("Port " + port.number() + " (" + port.listener() + ") is in use")
                        .contains(port.variable());
            }
        }
        assertThat(LocalPorts.of(settings))
                .extracting(LocalPorts.Port::variable)
                .contains(
                        "LEDGER_PG_PORT",
                        "LEDGER_KAFKA_PORT",
                        "LEDGER_KAFKA_CONTROLLER_PORT",
                        "LEDGER_COMMAND_PORT",
                        "LEDGER_QUERY_PORT");
        assertThat(LocalPorts.of(settings)).hasSize(7);
    }

    @Test
    void refusesADataDirAnotherRunningLedgerHolds() throws IOException {
        Path dataDir = parent.resolve("held");
        Files.createDirectories(dataDir);
        try (FileChannel channel = FileChannel.open(
                        dataDir.resolve(LocalDataDir.LOCK_FILE),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            LocalRunCommand.Result result = LocalRunCommand.run(LocalRuns.embeddedDefaults(dataDir), Map.of());

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.errLines())
                    .singleElement()
                    .asString()
                    .contains("The data directory " + dataDir + " is in use by another running ledger")
                    .contains("LEDGER_DATA_DIR");
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void refusesADataDirWrittenByANewerVersion() throws IOException {
        Path dataDir = Files.createDirectories(parent.resolve("newer"));
        Files.writeString(dataDir.resolve(LocalDataDir.FORMAT_FILE), "format=2\nwrittenBy=9.0.0\n");

        LocalRunCommand.Result result = LocalRunCommand.run(LocalRuns.embeddedDefaults(dataDir), Map.of());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .contains("was written by a newer version (9.0.0, data format 2)")
                .contains("LEDGER_DATA_DIR");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
        assertThat(Files.readString(dataDir.resolve(LocalDataDir.FORMAT_FILE))).contains("format=2");
    }

    @Test
    void refusesAResetThatNobodyConfirmed() throws IOException {
        Path dataDir = Files.createDirectories(parent.resolve("kept"));
        Path fact = Files.writeString(dataDir.resolve("keep-me"), "recorded");

        LocalRunCommand.Result result = LocalRunCommand.run(LocalRuns.embeddedDefaults(dataDir), Map.of(), "--reset");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString().contains("--yes");
        assertThat(fact).exists();
    }

    @Test
    void asksOnTheTerminalBeforeAReset() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "needs script(1) (util-linux) for a terminal");
        Path dataDir = Files.createDirectories(parent.resolve("asked"));
        Path fact = Files.writeString(dataDir.resolve("keep-me"), "recorded");
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:TieredStopAtLevel=1 -jar "
                + LocalRunProcess.JAR.toAbsolutePath() + " --reset";

        try (ServerSocket taken = new ServerSocket(settings.commandPort())) {
            String declined = onATerminal(script, java, settings, "no\n");
            assertThat(declined).contains("Type yes").contains("nothing deleted");
            assertThat(fact).exists();

            String confirmed = onATerminal(script, java, settings, "yes\n");
            assertThat(confirmed).contains("Deleted everything in " + dataDir);
            assertThat(fact).doesNotExist();
            assertThat(confirmed)
                    .as("then it starts on the empty data dir, here up to the port in use")
                    .contains("Port " + settings.commandPort());
        }
    }

    /** Runs {@code command} on a pseudo-terminal ({@code script}) with {@code typed} as the user's typing. */
    private static String onATerminal(Path script, String command, LocalSettings settings, String typed)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(script.toString(), "-qec", command, "/dev/null").redirectErrorStream(true);
        LocalRunProcess.environment(builder.environment(), settings);
        Process process = builder.start();
        process.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        return output;
    }

    @Test
    void refusesAnUnknownOptionAndABadPort() {
        LocalSettings settings = LocalRuns.embeddedDefaults(parent.resolve("data"));

        LocalRunCommand.Result unknown = LocalRunCommand.run(settings, Map.of(), "--dmeo");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .contains("--dmeo")
                .contains("--help");

        LocalRunCommand.Result badPort = LocalRunCommand.run(settings, Map.of("LEDGER_QUERY_PORT", "80x"));
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.errLines())
                .singleElement()
                .asString()
                .contains("LEDGER_QUERY_PORT")
                .contains("80x");
    }

    @Test
    void helpListsEveryOptionAndVariable() {
        LocalRunCommand.Result help =
                LocalRunCommand.run(LocalRuns.embeddedDefaults(parent.resolve("data")), Map.of(), "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).contains(LocalOptions.OPTIONS.keySet());
        for (LocalSettings.Variable variable : LocalSettings.VARIABLES) {
            assertThat(help.out()).contains(variable.name());
        }
        // what a user is promised, independent of the lists --help is printed from
        assertThat(help.out())
                .contains(
                        "--demo",
                        "--verbose",
                        "--reset",
                        "--yes",
                        "--print-tokens",
                        "--reset-tokens",
                        "--help",
                        "--broker-only")
                .contains(
                        "LEDGER_DATA_DIR",
                        "LEDGER_BIND_ADDRESS",
                        "LEDGER_PG_PORT",
                        "LEDGER_KAFKA_PORT",
                        "LEDGER_KAFKA_CONTROLLER_PORT",
                        "LEDGER_COMMAND_PORT",
                        "LEDGER_QUERY_PORT",
                        "LEDGER_JWT_SECRET",
                        "LEDGER_RECORD_KEYS",
                        "LEDGER_SEAL_KEY",
                        "LEDGER_SEAL_KEY_FILE",
                        "LEDGER_CONSOLE_ORIGINS");
        assertThat(parent.resolve("data")).doesNotExist();
    }
}
