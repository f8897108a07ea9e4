package org.borderledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent verifier in {@code contract/verifier-node}, written from {@code contract/evidence.md} alone, passes
 * every vector: {@code node --test contract/verifier-node/}. Skipped, saying so, where no {@code node} is on the PATH.
 */
class NodeVerifierTest {

    private static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    @Test
    void theNodeVerifierPassesEveryVector() throws Exception {
        assumeTrue(
                nodeRuns(), "node is not on the PATH: the independent verifier in contract/verifier-node is not run");
        Path output = dir.resolve("node-test.txt");
        Process node = new ProcessBuilder("node", "--test", "contract/verifier-node/")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(node.waitFor(180, TimeUnit.SECONDS)).as("node --test ended").isTrue();
        String report = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(report).isZero();
        assertThat(report).contains("# fail 0").containsPattern("# pass [1-9][0-9]");
    }

    private static boolean nodeRuns() {
        try {
            Process version = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException notFound) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
