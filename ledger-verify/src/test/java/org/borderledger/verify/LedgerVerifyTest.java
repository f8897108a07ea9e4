package org.borderledger.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the vectors: what it refuses to check, continued exports, and where a break is. */
class LedgerVerifyTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path VECTORS = Path.of("..", "contract", "vectors");
    private static final String PINNED = VECTORS.resolve("pinned-keys.json").toString();

    @TempDir
    Path dir;

    @Test
    void refusesToCheckWithAPinnedKeyFileThatIsNotExactlyOne() throws IOException {
        JsonNode pinned = json.readTree(VECTORS.resolve("pinned-keys.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) pinned.get("keys").get(1))
                .put("keyId", pinned.get("keys").get(0).get("keyId").asText());
        Path wrong = Files.writeString(dir.resolve("pinned.json"), pinned.toString());

        Run run = run("--pinned-keys", wrong.toString(), export());

        assertThat(run.status).isEqualTo(LedgerVerify.UNUSABLE);
        assertThat(run.err).startsWith("cannot check: ").contains("keys[1].keyId", "is not the id of its key");
        assertThat(run.out).isEmpty();
    }

    @Test
    void takesEitherPinnedKeysOrPublicKeysAndOneProofFile() {
        String key = VECTORS.resolve("keys/test-key-b.pub.pem").toString();
        assertThat(run("--pinned-keys", PINNED, "--public-key", key, export()).status)
                .isEqualTo(LedgerVerify.UNUSABLE);
        assertThat(run(export()).status).isEqualTo(LedgerVerify.UNUSABLE);
        assertThat(run("prove", "inclusion", "--pinned-keys", PINNED).status).isEqualTo(LedgerVerify.UNUSABLE);
        assertThat(run("prove", "membership", "--pinned-keys", PINNED, export()).status)
                .isEqualTo(LedgerVerify.UNUSABLE);
        assertThat(run("--pinned-keys", PINNED, "--anchor", export(), export()).err)
                .startsWith("cannot check: ");
    }

    @Test
    void publicKeysTrustedAtEveryPositionAcceptTheSealOfARetiredKey() {
        Path retired = VECTORS.resolve("invalid/retired-key.ndjson");
        Run bare = run(
                "--public-key",
                VECTORS.resolve("keys/test-key-a.pub.pem").toString(),
                "--public-key",
                VECTORS.resolve("keys/test-key-b.pub.pem").toString(),
                retired.toString());
        Run pinned = run("--pinned-keys", PINNED, retired.toString());

        assertThat(bare.status).as(bare.err).isEqualTo(LedgerVerify.INTACT);
        assertThat(pinned.status).isEqualTo(LedgerVerify.BROKEN);
        assertThat(pinned.err).endsWith("[SEAL_KEY_OUT_OF_RANGE]\n");
    }

    @Test
    void aStreamCutAtItsTimeBoundAndItsRestVerifyTogether() throws IOException {
        List<String> lines = Files.readAllLines(VECTORS.resolve("export.ndjson"), UTF_8);
        int cut = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith("{\"position\":5,"))
                .findFirst()
                .orElseThrow());
        List<String> first = new ArrayList<>(lines.subList(0, cut + 1));
        first.add("{\"incomplete\":{\"reason\":\"time bound\",\"resumeAfterPosition\":5}}");
        List<String> rest = new ArrayList<>(lines.subList(cut + 1, lines.size()));
        rest.set(rest.size() - 1, rest.get(rest.size() - 1).replace("\"eventCount\":8", "\"eventCount\":4"));
        Path one = Files.write(dir.resolve("one.ndjson"), first);
        Path two = Files.write(dir.resolve("two.ndjson"), rest);

        Run both = run("--pinned-keys", PINNED, one.toString(), two.toString());
        Run alone = run("--pinned-keys", PINNED, one.toString());

        assertThat(both.status).as(both.err).isEqualTo(LedgerVerify.INTACT);
        assertThat(both.report().get("eventsChecked").asInt()).isEqualTo(8);
        assertThat(both.report().get("endStated").asBoolean()).isTrue();
        assertThat(alone.status).isEqualTo(LedgerVerify.BROKEN);
        assertThat(alone.report().get("firstBroken").get("code").asText()).isEqualTo("EXPORT_INCOMPLETE");
    }

    @Test
    void aBreakNamesItsLineCountedOverEveryFile() throws IOException {
        Run run = run(
                "--pinned-keys",
                PINNED,
                VECTORS.resolve("invalid/reordered-lines.ndjson").toString());

        JsonNode broken = run.report().get("firstBroken");
        assertThat(broken.get("code").asText()).isEqualTo("POSITION_NOT_INCREASING");
        assertThat(broken.get("position").asLong()).isEqualTo(7);
        assertThat(broken.get("line").asLong()).isEqualTo(10);
    }

    private static String export() {
        return VECTORS.resolve("export.ndjson").toString();
    }

    private record Run(int status, String out, String err) {
        JsonNode report() throws IOException {
            return json.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LedgerVerify.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
    }
}
