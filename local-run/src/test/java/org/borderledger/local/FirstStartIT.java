package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local.sh} as a new user sees it: a short block with the URLs and how to sign in instead of the
 * frameworks' log, the full log in the data dir, secrets readable by their owner only, tokens printed only on request,
 * and {@code --reset --yes} starting over on an empty data dir ({@code --verbose}: with the log on the terminal).
 */
class FirstStartIT {

    @TempDir
    Path parent;

    @Test
    void startsQuietlyKeepsItsSecretsToItsOwnerAndStartsOverOnReset() throws Exception {
        Path dataDir = parent.resolve("data");
        Files.createDirectory(
                dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(dataDir.resolve("record-keys"), "local=" + "A".repeat(43) + "=");
        Files.setPosixFilePermissions(dataDir.resolve("record-keys"), PosixFilePermissions.fromString("rw-r--r--"));

        try (LocalRunProcess run = LocalRunProcess.on(dataDir).generatingItsSecret()) {
            LocalSettings settings = run.settings();
            run.start(Duration.ofMinutes(4));
            List<String> output = untilPrinted(run, "Stop with Ctrl-C.");

            assertThat(output.size()).as(String.join("\n", output)).isLessThanOrEqualTo(25);
            String printed = String.join("\n", output);
            assertThat(printed)
                    .contains("http://localhost:" + settings.queryPort() + "/")
                    .contains("http://localhost:" + settings.commandPort() + "/api")
                    .contains("http://localhost:" + settings.queryPort() + "/api")
                    .contains("Sign in")
                    .contains("http://localhost:" + settings.queryPort() + "/#/sign-in?nonce=")
                    .contains(dataDir.resolve("tokens.json").toString())
                    .contains(dataDir.toString())
                    .contains("Ctrl-C");
            assertThat(printed)
                    .as("no token, no banner, no advertisement, no framework warnings")
                    .doesNotContain("eyJ")
                    .doesNotContain(":: Spring Boot ::")
                    .doesNotContain("AxonIQ Console")
                    .doesNotContain("Commons Logging")
                    .doesNotContainIgnoringCase("deprecated")
                    .doesNotContain(" WARN ")
                    .doesNotContain(" INFO ");

            assertThat(Files.readString(dataDir.resolve("logs").resolve("ledger.log")))
                    .as("the full log is in the data dir")
                    .contains("Tomcat started on port " + settings.commandPort())
                    .contains("Tomcat started on port " + settings.queryPort());

            assertThat(permissions(dataDir)).isEqualTo(ownerOnlyDataDir());
            for (String secret : List.of(
                    "jwt-secret",
                    "record-keys",
                    "tokens.json",
                    "seal-key.pem",
                    "postgres.password",
                    "postgres-roles")) {
                assertThat(permissions(dataDir.resolve(secret))).as(secret).isEqualTo("rw-------");
            }
            run.stop();

            Path leftOver = Files.writeString(dataDir.resolve("left-over.txt"), "from the first run");
            String firstSeal = Files.readString(dataDir.resolve("seal-key.pub.pem"));
            run.start(Duration.ofMinutes(4), "--reset", "--yes", "--print-tokens", "--verbose");
            String second = String.join("\n", untilPrinted(run, "Stop with Ctrl-C."));

            assertThat(second).contains("Deleted everything in " + dataDir);
            assertThat(leftOver).doesNotExist();
            assertThat(Files.readString(dataDir.resolve("seal-key.pub.pem")))
                    .as("a new seal key in the new data dir")
                    .isNotEqualTo(firstSeal);
            JsonNode tokens =
                    new ObjectMapper().readTree(dataDir.resolve("tokens.json").toFile());
            assertThat(second)
                    .as("--print-tokens prints the tokens of tokens.json")
                    .contains(tokens.get("kienGiangUnit").asText())
                    .contains(tokens.get("admin").asText());
            assertThat(second)
                    .as("--verbose shows the log on the terminal")
                    .contains("Tomcat started on port " + settings.commandPort());
            assertThat(permissions(dataDir)).isEqualTo(ownerOnlyDataDir());
        }
    }

    private static List<String> untilPrinted(LocalRunProcess run, String last) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> output = run.outputOfLastStart();
        while (!output.contains(last) && System.nanoTime() < deadline) {
            LocalRuns.sleep(200);
            output = run.outputOfLastStart();
        }
        assertThat(output).as("the run printed its last line").contains(last);
        return output;
    }

    /**
     * Owner-only; as root, PostgreSQL runs as an unprivileged user whose group may pass through to its own directory
     * ({@code --x}), and nothing more.
     */
    private static String ownerOnlyDataDir() throws Exception {
        boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        return root ? "rwx--x---" : "rwx------";
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
