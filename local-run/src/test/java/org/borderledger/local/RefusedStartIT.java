package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
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
        assertThat(parent.resolve("data")).doesNotExist();
    }
}
