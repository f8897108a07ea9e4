package org.borderledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON forms {@code contract/evidence.md} defines for what the service emits and a verifier reads: a seal (section
 * 6), the export's {@code end} line (section 8.3), and the inclusion and consistency proofs (section 9). Reading is
 * strict: a member of the wrong type or form is an {@link IOException} naming it, which a verifier reports as a
 * malformed line.
 */
public final class EvidenceJson {

    public static final String INCLUSION = "border-ledger/inclusion/v1";
    public static final String CONSISTENCY = "border-ledger/consistency/v1";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{86}==");
    private static final Pattern TIMESTAMP =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");

    private static final ObjectMapper json = new ObjectMapper();

    private EvidenceJson() {}

    /** The seal as export lines, anchors and proofs show it; {@code merkleRoot} only when the seal has one. */
    public static ObjectNode seal(Seal seal) {
        ObjectNode node = json.createObjectNode()
                .put("position", seal.position())
                .put("eventsSealed", seal.eventsSealed())
                .put("chainHash", seal.chainHash());
        if (seal.merkleRoot() != null) {
            node.put("merkleRoot", seal.merkleRoot());
        }
        return node.put("sealedAt", seal.sealedAtText())
                .put("keyId", seal.keyId())
                .put("signature", seal.signature());
    }

    /** A seal line: {@code {"seal":{…}}}. */
    public static ObjectNode sealLine(Seal seal) {
        ObjectNode line = json.createObjectNode();
        line.set("seal", seal(seal));
        return line;
    }

    /**
     * The last line of a complete export: how many event lines it holds, the last one's position and the last seal
     * line's position and chain hash (nulls when there is none).
     */
    public static ObjectNode endLine(long eventCount, Long lastPosition, Seal lastSeal) {
        ObjectNode line = json.createObjectNode();
        ObjectNode end = line.putObject("end").put("eventCount", eventCount);
        if (lastPosition == null) {
            end.putNull("lastPosition");
        } else {
            end.put("lastPosition", lastPosition);
        }
        if (lastSeal == null) {
            end.putNull("lastSeal");
        } else {
            end.putObject("lastSeal").put("position", lastSeal.position()).put("chainHash", lastSeal.chainHash());
        }
        return line;
    }

    /**
     * The inclusion proof of one event against a seal with a Merkle root.
     *
     * @param eventLine the event as its export line shows it
     * @param leaves the leaf hashes of the first {@code seal.eventsSealed()} events in position order
     * @param leafIndex the event's index among them
     */
    public static ObjectNode inclusionProof(JsonNode eventLine, List<byte[]> leaves, int leafIndex, Seal seal) {
        requireRoot(seal, leaves);
        ObjectNode proof = json.createObjectNode()
                .put("proof", INCLUSION)
                .put("leafIndex", leafIndex)
                .put("treeSize", leaves.size());
        proof.set("event", eventLine);
        proof.set("path", hexArray(MerkleTree.inclusionProof(leaves, leafIndex)));
        proof.set("seal", seal(seal));
        return proof;
    }

    /**
     * The consistency proof from seal {@code first} to seal {@code second}.
     *
     * @param leaves the leaf hashes of the first {@code second.eventsSealed()} events in position order
     */
    public static ObjectNode consistencyProof(List<byte[]> leaves, Seal first, Seal second) {
        requireRoot(second, leaves);
        if (first.merkleRoot() == null || first.eventsSealed() > leaves.size()) {
            throw new IllegalArgumentException("The first seal has no Merkle root or is later than the second");
        }
        ObjectNode proof = json.createObjectNode().put("proof", CONSISTENCY);
        proof.set("first", seal(first));
        proof.set("second", seal(second));
        proof.set("path", hexArray(MerkleTree.consistencyProof(leaves, Math.toIntExact(first.eventsSealed()))));
        return proof;
    }

    private static void requireRoot(Seal seal, List<byte[]> leaves) {
        if (seal.merkleRoot() == null
                || seal.eventsSealed() != leaves.size()
                || !seal.merkleRoot().equals(MerkleTree.hex(MerkleTree.root(leaves)))) {
            throw new IllegalArgumentException("The leaves are not the tree of the seal at " + seal.position());
        }
    }

    private static ArrayNode hexArray(List<byte[]> hashes) {
        ArrayNode array = json.createArrayNode();
        hashes.forEach(hash -> array.add(MerkleTree.hex(hash)));
        return array;
    }

    /** A seal from its JSON form, or from a seal line wrapping it; an {@link IOException} naming what is wrong. */
    public static Seal readSeal(JsonNode node) throws IOException {
        if (node != null && node.isObject() && node.size() == 1 && node.has("seal")) {
            node = node.get("seal");
        }
        if (node == null || !node.isObject()) {
            throw new IOException("the seal is not a JSON object");
        }
        long position = whole(node, "position", 0);
        long eventsSealed = whole(node, "eventsSealed", 1);
        String chainHash = text(node, "chainHash", HEX64, false);
        String merkleRoot = text(node, "merkleRoot", HEX64, true);
        String sealedAt = text(node, "sealedAt", TIMESTAMP, false);
        String keyId = text(node, "keyId", KEY_ID, true);
        String signature = text(node, "signature", SIGNATURE, true);
        if (!node.has("keyId") || !node.has("signature") || (keyId == null) != (signature == null)) {
            throw new IOException("the seal's keyId and signature are both strings or both null");
        }
        return new Seal(position, eventsSealed, chainHash, Instant.parse(sealedAt), keyId, signature, merkleRoot);
    }

    /** The hashes of a proof's {@code path}, in order. */
    public static List<byte[]> readPath(JsonNode proof) throws IOException {
        JsonNode path = proof.get("path");
        if (path == null || !path.isArray()) {
            throw new IOException("the proof has no path array");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : path) {
            if (!hash.isTextual() || !HEX64.matcher(hash.asText()).matches()) {
                throw new IOException("the proof's path holds something that is not 64 hex digits");
            }
            hashes.add(MerkleTree.bytes(hash.asText()));
        }
        return hashes;
    }

    /** A whole number member at least {@code minimum}. */
    public static long whole(JsonNode node, String field, long minimum) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < minimum) {
            throw new IOException("no whole number " + field + " >= " + minimum);
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field, Pattern form, boolean nullable) throws IOException {
        JsonNode value = node.get(field);
        if (nullable && (value == null || value.isNull())) {
            return null;
        }
        if (value == null || !value.isTextual() || !form.matcher(value.asText()).matches()) {
            throw new IOException("the seal's " + field + " is not of the form " + form.pattern());
        }
        return value.asText();
    }
}
