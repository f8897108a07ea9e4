package org.borderledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the service emits for auditors: seals with Merkle roots, the export's end line and both proofs. */
class EvidenceJsonTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final KeyPair KEY = SealSignatures.generate();

    @Test
    void aSealWithAMerkleRootSignsItAndReadsBackAsItWasWritten() throws IOException {
        Seal seal = SealSignatures.sign(
                new Seal(9, 7, "ab".repeat(32), Instant.parse("2024-03-25T08:00:00.250Z"), null, null)
                        .withMerkleRoot("cd".repeat(32)),
                KEY);

        String statement = new String(SealSignatures.statement(seal, seal.keyId()), StandardCharsets.UTF_8);
        assertThat(statement)
                .isEqualTo("{\"chainHash\":\"" + "ab".repeat(32) + "\",\"eventsSealed\":7,\"keyId\":\"" + seal.keyId()
                        + "\",\"merkleRoot\":\"" + "cd".repeat(32) + "\",\"position\":9,"
                        + "\"sealedAt\":\"2024-03-25T08:00:00.250Z\",\"statement\":\"border-ledger/seal/v2\"}");
        assertThat(SealSignatures.verify(seal, KEY.getPublic())).isTrue();
        assertThat(EvidenceJson.readSeal(EvidenceJson.sealLine(seal))).isEqualTo(seal);
        assertThat(EvidenceJson.readSeal(EvidenceJson.seal(seal))).isEqualTo(seal);

        Seal otherRoot =
                new Seal(9, 7, seal.chainHash(), seal.sealedAt(), seal.keyId(), seal.signature(), "ef".repeat(32));
        assertThat(SealSignatures.verify(otherRoot, KEY.getPublic())).isFalse();
    }

    @Test
    void readingASealRefusesEveryMalformedMember() throws IOException {
        ObjectNode good = EvidenceJson.seal(SealSignatures.sign(
                new Seal(3, 3, "ab".repeat(32), Instant.parse("2024-03-25T08:00:00Z"), null, null), KEY));
        assertThat(EvidenceJson.readSeal(good).position()).isEqualTo(3);

        assertThatThrownBy(() -> EvidenceJson.readSeal(good.deepCopy().put("chainHash", "AB".repeat(32))))
                .hasMessageContaining("chainHash");
        assertThatThrownBy(() -> EvidenceJson.readSeal(good.deepCopy().put("sealedAt", "2024-03-25T08:00:00Z")))
                .hasMessageContaining("sealedAt");
        assertThatThrownBy(() -> EvidenceJson.readSeal(good.deepCopy().put("position", 3.5)))
                .hasMessageContaining("position");
        assertThatThrownBy(() -> EvidenceJson.readSeal(good.deepCopy().putNull("signature")))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> EvidenceJson.readSeal(good.deepCopy().put("signature", "c2ln")))
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> EvidenceJson.readSeal(json.readTree("[]"))).hasMessageContaining("not a JSON object");
    }

    @Test
    void theProofsTheServiceAnswersVerifyAgainstTheSealsRoots() {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree.Frontier tree = MerkleTree.Frontier.EMPTY;
        for (int i = 0; i < 11; i++) {
            byte[] leaf = MerkleTree.leafHash(10L + i * 2, Sha256.hex(new byte[] {(byte) i}));
            leaves.add(leaf);
            tree = tree.append(leaf);
        }
        Seal first = seal(12, 2, leaves.subList(0, 2));
        Seal second = seal(30, 11, leaves);
        ObjectNode event = json.createObjectNode().put("position", 14);

        JsonNode inclusion = EvidenceJson.inclusionProof(event, leaves, 2, second);
        assertThat(inclusion.get("proof").asText()).isEqualTo(EvidenceJson.INCLUSION);
        assertThat(inclusion.get("treeSize").asInt()).isEqualTo(11);
        assertThat(inclusion.get("event")).isEqualTo(event);
        assertThat(MerkleTree.verifyInclusion(
                        2, 11, leaves.get(2), paths(inclusion), MerkleTree.bytes(second.merkleRoot())))
                .isTrue();

        JsonNode consistency = EvidenceJson.consistencyProof(leaves, first, second);
        assertThat(MerkleTree.verifyConsistency(
                        2,
                        11,
                        MerkleTree.bytes(first.merkleRoot()),
                        MerkleTree.bytes(second.merkleRoot()),
                        paths(consistency)))
                .isTrue();
        assertThat(MerkleTree.hex(tree.root())).isEqualTo(second.merkleRoot());

        assertThatThrownBy(() -> EvidenceJson.inclusionProof(event, leaves.subList(0, 10), 2, second))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEndLineStatesTheLastEventAndTheLastSeal() {
        Seal seal = new Seal(8, 7, "ab".repeat(32), Instant.EPOCH, null, null);
        assertThat(EvidenceJson.endLine(8, 9L, seal).toString())
                .isEqualTo("{\"end\":{\"eventCount\":8,\"lastPosition\":9,\"lastSeal\":{\"position\":8,\"chainHash\":\""
                        + "ab".repeat(32) + "\"}}}");
        assertThat(EvidenceJson.endLine(0, null, null).toString())
                .isEqualTo("{\"end\":{\"eventCount\":0,\"lastPosition\":null,\"lastSeal\":null}}");
    }

    @Test
    void theBusinessDateIsTheOneStringMemberEndingInOnWhateverTheOrder() throws IOException {
        assertThat(BusinessDate.of(json.readTree("{\"count\":5,\"recoveredOn\":\"2014-03-09\"}")))
                .isEqualTo("2014-03-09");
        assertThat(BusinessDate.of(json.readTree("{\"caseId\":\"REP-1\"}"))).isNull();
        assertThat(BusinessDate.of(json.readTree("{\"a\":{\"nestedOn\":\"2014-03-09\"}}")))
                .isNull();
        assertThat(BusinessDate.of(json.readTree("{\"plannedOn\":\"2014-01-01\",\"doneOn\":\"2014-02-02\"}")))
                .isNull();
        assertThat(BusinessDate.of(json.readTree("{\"doneOn\":20140202}"))).isNull();
    }

    private static Seal seal(long position, long events, List<byte[]> leaves) {
        return SealSignatures.sign(
                new Seal(position, events, "ab".repeat(32), Instant.EPOCH, null, null)
                        .withMerkleRoot(MerkleTree.hex(MerkleTree.root(leaves))),
                KEY);
    }

    private static List<byte[]> paths(JsonNode proof) {
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(hash -> path.add(MerkleTree.bytes(hash.asText())));
        return path;
    }
}
