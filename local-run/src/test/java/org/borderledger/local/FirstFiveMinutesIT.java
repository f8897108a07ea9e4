package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "first five minutes" as a reader follows it: its {@code bash} blocks, as written, run one after the
 * other in one shell against a local run, record a marker completion as the Kiên Giang unit, confirm it as the Kampot
 * unit, and find it in the figures, the audit trail and a store that verifies; run again, they record nothing twice.
 */
class FirstFiveMinutesIT {

    static final Path README = Path.of("..", "README.md");
    static final String SECTION = "## The first five minutes";

    @TempDir
    Path dataDir;

    @Test
    void theWalkthroughRecordsConfirmsAndVerifiesAMarkerCompletionOnce() throws Exception {
        String script = "set -euo pipefail\n" + String.join("\n", bashBlocks(Files.readString(README)));
        assertThat(script).contains("/confirmations").contains("/api/audit/verify");
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);

        try (LocalLedger ledger = LocalLedger.start(settings)) {
            List<String> first = run(script, settings);
            assertWalkthrough(first);

            List<String> again = run(script, settings);
            assertWalkthrough(again);
            assertThat(json(again, "\"id\"").get("position").asLong())
                    .as("the same answer to the same write")
                    .isEqualTo(json(first, "\"id\"").get("position").asLong());
        }
    }

    private static void assertWalkthrough(List<String> output) {
        assertThat(json(output, "markersCompleted").get("markersCompleted").asLong())
                .isEqualTo(1);
        assertThat(json(output, "\"valid\"").get("valid").asBoolean()).isTrue();
        JsonNode trail = json(output, "MarkerCompletionReported");
        assertThat(trail.toString()).contains("MarkerPlanned", "MarkerCompletionReported", "MarkerCompleted");
        assertThat(trail.toString()).contains("kg-border-guard", "kp-border-police");
    }

    /** The {@code bash} blocks of the README's walkthrough section, in order. */
    static List<String> bashBlocks(String readme) {
        int start = readme.indexOf("\n" + SECTION + "\n");
        assertThat(start).as("README has the section " + SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static List<String> run(String script, LocalSettings settings) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        LocalRunProcess.environment(builder.environment(), settings);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    /** The first line of output that holds {@code text}, read as JSON. */
    private static JsonNode json(List<String> output, String text) {
        String line = output.stream()
                .filter(candidate -> candidate.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + text + " in\n" + String.join("\n", output)));
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
