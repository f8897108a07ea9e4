package org.borderledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The walk the command service runs over its own store, run over the vectors of {@code contract/vectors}: the valid
 * export passes and each tampering the walk itself can see (everything but what only an export line carries) gives the
 * code the vectors name.
 */
class VectorWalkTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path VECTORS = Path.of("..", "contract", "vectors");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "export.ndjson, valid",
        "invalid/changed-byte.ndjson, EVENT_HASH_MISMATCH",
        "invalid/removed-line.ndjson, SEAL_CHAIN_MISMATCH",
        "invalid/duplicated-line.ndjson, POSITION_NOT_INCREASING",
        "invalid/reordered-lines.ndjson, POSITION_NOT_INCREASING",
        "invalid/unpinned-key.ndjson, SEAL_KEY_NOT_PINNED",
        "invalid/retired-key.ndjson, SEAL_KEY_OUT_OF_RANGE",
        "invalid/unsigned-after-signed.ndjson, SEAL_UNSIGNED",
        "invalid/signature.ndjson, SEAL_SIGNATURE_INVALID",
        "invalid/merkle-root.ndjson, SEAL_MERKLE_ROOT_MISMATCH"
    })
    void theServicesWalkGivesTheVectorsVerdict(String file, String expect) throws IOException {
        PinnedKeys keys = PinnedKeys.parse(Files.readString(VECTORS.resolve("pinned-keys.json")));
        EvidenceWalk walk = new EvidenceWalk(EvidenceWalk.Start.GENESIS, keys, MerkleTree.Frontier.EMPTY);
        for (String text : Files.readAllLines(VECTORS.resolve(file), StandardCharsets.UTF_8)) {
            JsonNode line = json.readTree(text);
            if (line.has("seal")) {
                walk.seal(EvidenceJson.readSeal(line));
            } else if (!line.has("end")) {
                walk.event(event(line), null);
            }
        }
        EvidenceWalk.Result result = walk.finish(OptionalLong.empty(), true);

        if (expect.equals("valid")) {
            assertThat(result.firstBroken()).isNull();
            assertThat(result.lastSignedSeal().merkleRoot()).isEqualTo(MerkleTree.hex(MerkleTree.root(leaves(file))));
            assertThat(walk.unsignedSeals()).isEqualTo(1);
        } else {
            assertThat(result.firstBroken().code()).hasToString(expect);
        }
    }

    private static StoredEvent event(JsonNode line) throws IOException {
        return new StoredEvent(
                line.get("position").asLong(),
                line.get("eventId").asText(),
                line.get("aggregateId").asText(),
                line.get("aggregateType").asText(null),
                line.get("sequenceNumber").asLong(),
                line.get("recordedAt").asText(),
                line.get("eventType").asText(),
                line.get("payloadRevision").asText(null),
                json.writeValueAsBytes(line.get("payload")),
                json.writeValueAsBytes(line.get("metadata")));
    }

    /** The leaves of the events the last signed seal of the valid export covers: all but the unsealed last one. */
    private static List<byte[]> leaves(String file) throws IOException {
        List<byte[]> leaves = new ArrayList<>();
        for (String text : Files.readAllLines(VECTORS.resolve(file), StandardCharsets.UTF_8)) {
            JsonNode line = json.readTree(text);
            if (!line.has("seal") && !line.has("end") && line.get("position").asLong() <= 8) {
                leaves.add(MerkleTree.leafHash(
                        line.get("position").asLong(), line.get("hash").asText()));
            }
        }
        return leaves;
    }
}
