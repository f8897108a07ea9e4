package org.borderledger.verify.vectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds every vector from the rules of {@code contract/evidence.md} with code written here, none of the evidence
 * library's: RFC 8785 canonical JSON, the event hash of both versions, the chain, the key ids, the seal statements and
 * their Ed25519 signatures (the JDK's), the Merkle tree and both proofs. A vector that only the library's code
 * reproduces fails here.
 */
class VectorRebuildTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final Path VECTORS = Path.of("..", "contract", "vectors");
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    @Test
    void theEventVectorIsTheHashOfTheCanonicalEnvelope() throws Exception {
        JsonNode vector = read("event.json");
        JsonNode line = vector.get("line");
        String canonical = jcs(envelope(line));
        assertThat(canonical).isEqualTo(vector.get("canonicalText").asText());
        assertThat(HEX.formatHex(canonical.getBytes(UTF_8)))
                .isEqualTo(vector.get("canonicalHex").asText());
        assertThat(hex(sha256(canonical.getBytes(UTF_8))))
                .isEqualTo(vector.get("hash").asText())
                .isEqualTo(line.get("hash").asText())
                .isEqualTo(line.get("metadata").get("hash").asText());
    }

    @Test
    void everyEventOfTheExportHashesByItsVersionAndTheChainAndTreeMeetEverySeal() throws Exception {
        String chain = "";
        List<byte[]> leaves = new ArrayList<>();
        Map<String, String> last = new HashMap<>();
        int versionOne = 0;
        int sealsChecked = 0;
        for (String text : Files.readAllLines(VECTORS.resolve("export.ndjson"), UTF_8)) {
            JsonNode line = json.readTree(text);
            if (line.has("end")) {
                continue;
            }
            if (line.has("seal")) {
                JsonNode seal = line.get("seal");
                assertThat(seal.get("eventsSealed").asInt()).isEqualTo(leaves.size());
                assertThat(seal.get("chainHash").asText()).isEqualTo(chain);
                if (seal.hasNonNull("merkleRoot")) {
                    assertThat(seal.get("merkleRoot").asText()).isEqualTo(hex(mth(leaves)));
                }
                if (!seal.get("signature").isNull()) {
                    assertThat(verifies(seal))
                            .as("the signature of the seal at %s", seal.get("position"))
                            .isTrue();
                }
                sealsChecked++;
                continue;
            }
            JsonNode metadata = line.get("metadata");
            String hash = metadata.get("hash").asText();
            String previous = last.getOrDefault(line.get("aggregateId").asText(), "");
            assertThat(metadata.get("previoushash").asText()).isEqualTo(previous);
            if (metadata.has("hashversion")) {
                assertThat(hex(sha256(jcs(envelope(line)).getBytes(UTF_8)))).isEqualTo(hash);
            } else {
                assertThat(hex(sha256(versionOneBytes(line)))).isEqualTo(hash);
                versionOne++;
            }
            assertThat(
                            line.get("businessDate").isNull()
                                    ? null
                                    : line.get("businessDate").asText())
                    .isEqualTo(businessDate(line.get("payload")));
            last.put(line.get("aggregateId").asText(), hash);
            chain = chainStep(chain, line.get("position").asLong(), hash);
            leaves.add(leafHash(line.get("position").asLong(), hash));
        }
        assertThat(versionOne).isEqualTo(1);
        assertThat(sealsChecked).isEqualTo(4);
    }

    @Test
    void theChainStepIsTheLengthPrefixedFields() throws Exception {
        JsonNode step = read("chain-step.json");
        byte[] input = concat(
                lp("border-ledger/seal-chain/v1"),
                lp(step.get("previousChain").asText()),
                lp(step.get("position").asText()),
                lp(step.get("eventHash").asText()));
        assertThat(HEX.formatHex(input)).isEqualTo(step.get("inputHex").asText());
        assertThat(hex(sha256(input))).isEqualTo(step.get("output").asText());
    }

    @Test
    void theSealVectorsSignTheCanonicalStatementWithTheKeyTheirIdNames() throws Exception {
        JsonNode seals = read("seal.json");
        for (String which : List.of("withMerkleRoot", "withoutMerkleRoot")) {
            JsonNode vector = seals.get(which);
            byte[] der = pemBody(vector.get("publicKeyPem").asText());
            assertThat(HEX.formatHex(der))
                    .startsWith(SPKI_PREFIX)
                    .isEqualTo(vector.get("publicKeyDerHex").asText());
            assertThat(hex(sha256(der)).substring(0, 16))
                    .isEqualTo(vector.get("keyId").asText());
            String statement = statement(vector.get("seal"));
            assertThat(statement).isEqualTo(vector.get("statementText").asText());
            assertThat(HEX.formatHex(statement.getBytes(UTF_8)))
                    .isEqualTo(vector.get("statementHex").asText());
            assertThat(verifies(vector.get("seal"))).isTrue();
        }
        assertThat(seals.get("withoutMerkleRoot").get("statementText").asText())
                .startsWith("{\"chainHash\":")
                .contains("\"statement\":\"border-ledger/seal/v1\"");
    }

    @Test
    void thePinnedKeysAndKeyFilesNameTheirKeysByTheirIds() throws Exception {
        for (JsonNode key : read("pinned-keys.json").get("keys")) {
            assertThat(hex(sha256(pemBody(key.get("publicKeyPem").asText()))).substring(0, 16))
                    .isEqualTo(key.get("keyId").asText());
        }
        JsonNode keys = read("keys/keys.json");
        for (String name : List.of("test-key-a", "test-key-b", "unpinned-key")) {
            byte[] der = pemBody(Files.readString(VECTORS.resolve("keys/" + name + ".pub.pem")));
            assertThat(HEX.formatHex(der))
                    .isEqualTo(SPKI_PREFIX + keys.get(name).get("publicKeyHex").asText());
            assertThat(keys.get(name).get("seedHex").asText())
                    .isEqualTo(
                            hex(sha256(keys.get(name).get("seedText").asText().getBytes(UTF_8))));
            byte[] privateDer = pemBody(Files.readString(VECTORS.resolve("keys/" + name + ".pem")));
            assertThat(HEX.formatHex(privateDer))
                    .isEqualTo("302e020100300506032b657004220420"
                            + keys.get(name).get("seedHex").asText());
        }
    }

    @Test
    void theMerkleVectorsAndProofsAreRfc9162s() throws Exception {
        JsonNode merkle = read("merkle.json");
        List<byte[]> leaves = new ArrayList<>();
        for (JsonNode leaf : merkle.get("leaves")) {
            byte[] input = concat(
                    ByteBuffer.allocate(8)
                            .putLong(leaf.get("position").asLong())
                            .array(),
                    HEX.parseHex(leaf.get("eventHash").asText()));
            assertThat(HEX.formatHex(input)).isEqualTo(leaf.get("leafInputHex").asText());
            byte[] hash = sha256(concat(new byte[] {0}, input));
            assertThat(hex(hash)).isEqualTo(leaf.get("leafHash").asText());
            leaves.add(hash);
        }
        for (JsonNode root : merkle.get("roots")) {
            assertThat(hex(mth(leaves.subList(0, root.get("treeSize").asInt()))))
                    .isEqualTo(root.get("root").asText());
        }

        JsonNode inclusion = read("proofs/inclusion.json");
        int index = inclusion.get("leafIndex").asInt();
        List<byte[]> tree = leaves.subList(0, inclusion.get("treeSize").asInt());
        assertThat(inclusion.get("seal").get("merkleRoot").asText()).isEqualTo(hex(mth(tree)));
        assertThat(leaves.get(index))
                .isEqualTo(leafHash(
                        inclusion.get("event").get("position").asLong(),
                        inclusion.get("event").get("hash").asText()));
        assertThat(hexList(inclusion.get("path")))
                .isEqualTo(
                        path(index, tree).stream().map(VectorRebuildTest::hex).toList());
        assertThat(verifies(inclusion.get("seal"))).isTrue();

        JsonNode consistency = read("proofs/consistency.json");
        int m = consistency.get("first").get("eventsSealed").asInt();
        List<byte[]> second =
                leaves.subList(0, consistency.get("second").get("eventsSealed").asInt());
        assertThat(consistency.get("first").get("merkleRoot").asText()).isEqualTo(hex(mth(second.subList(0, m))));
        assertThat(hexList(consistency.get("path")))
                .isEqualTo(subproof(m, second, true).stream()
                        .map(VectorRebuildTest::hex)
                        .toList());
    }

    // contract/evidence.md section 3.1: the envelope of version 2

    private static Map<String, Object> envelope(JsonNode line) {
        Map<String, Object> metadata = new TreeMap<>();
        line.get("metadata").fields().forEachRemaining(member -> {
            if (!member.getKey().equals("hash") && !member.getKey().equals("previoushash")) {
                metadata.put(member.getKey(), member.getValue());
            }
        });
        Map<String, Object> envelope = new TreeMap<>();
        envelope.put("version", "border-ledger/event-hash/v2");
        envelope.put("aggregateType", line.get("aggregateType"));
        envelope.put("aggregateId", line.get("aggregateId"));
        envelope.put("sequenceNumber", line.get("sequenceNumber"));
        envelope.put("eventId", line.get("eventId"));
        envelope.put("payloadType", line.get("eventType"));
        envelope.put("payloadRevision", line.get("payloadRevision"));
        envelope.put("recordedAt", line.get("recordedAt"));
        envelope.put("payload", line.get("payload"));
        envelope.put("metadata", metadata);
        envelope.put("previousHash", line.get("metadata").get("previoushash"));
        return envelope;
    }

    // section 3.2: version 1, length-prefixed fields, the payload compact, the metadata sorted, Jackson's escapes

    private static byte[] versionOneBytes(JsonNode line) {
        JsonNode metadata = line.get("metadata").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) metadata).remove(List.of("hash", "previoushash"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {
            "border-ledger/event-hash/v1",
            text(line, "aggregateType"),
            text(line, "aggregateId"),
            line.get("sequenceNumber").asText(),
            text(line, "eventId"),
            text(line, "eventType"),
            text(line, "payloadRevision"),
            text(line, "recordedAt"),
            compact(line.get("payload"), false),
            compact(metadata, true),
            text(line.get("metadata"), "previoushash")
        }) {
            out.writeBytes(field == null ? HEX.parseHex("ffffffff") : lp(field));
        }
        return out.toByteArray();
    }

    private static String compact(JsonNode node, boolean sorted) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            if (sorted) {
                names.sort(null);
            }
            StringBuilder out = new StringBuilder("{");
            for (String name : names) {
                out.append(out.length() > 1 ? "," : "")
                        .append(jacksonString(name))
                        .append(':');
                out.append(compact(node.get(name), sorted));
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (JsonNode element : node) {
                out.append(out.length() > 1 ? "," : "").append(compact(element, sorted));
            }
            return out.append(']').toString();
        }
        if (node.isTextual()) {
            return jacksonString(node.asText());
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            throw new IllegalArgumentException("version 1 vectors hold no fractions");
        }
        return node.toString();
    }

    private static String jacksonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    // RFC 8785, for the values the vectors hold

    private static String jcs(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, member) -> sorted.put((String) key, member));
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((key, member) -> out.append(out.length() > 1 ? "," : "")
                    .append(jcsString(key))
                    .append(':')
                    .append(jcs(member)));
            return out.append('}').toString();
        }
        if (value instanceof String text) {
            return jcsString(text);
        }
        JsonNode node = (JsonNode) value;
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            Map<String, Object> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), member.getValue());
            }
            return jcs(members);
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (JsonNode element : node) {
                out.append(out.length() > 1 ? "," : "").append(jcs(element));
            }
            return out.append(']').toString();
        }
        if (node.isTextual()) {
            return jcsString(node.asText());
        }
        if (node.isNumber()) {
            double d = node.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                return BigDecimal.valueOf(d).toBigInteger().toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return node.toString();
    }

    private static String jcsString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    // section 6: the statement a seal's signature covers

    private static String statement(JsonNode seal) {
        Map<String, Object> statement = new TreeMap<>();
        boolean root = seal.hasNonNull("merkleRoot");
        statement.put("statement", root ? "border-ledger/seal/v2" : "border-ledger/seal/v1");
        statement.put("position", seal.get("position"));
        statement.put("eventsSealed", seal.get("eventsSealed"));
        statement.put("chainHash", seal.get("chainHash"));
        if (root) {
            statement.put("merkleRoot", seal.get("merkleRoot"));
        }
        statement.put("sealedAt", seal.get("sealedAt"));
        statement.put("keyId", seal.get("keyId"));
        return jcs(statement);
    }

    private static boolean verifies(JsonNode seal) throws Exception {
        PublicKey key = null;
        for (String name : List.of("test-key-a", "test-key-b")) {
            byte[] der = pemBody(Files.readString(VECTORS.resolve("keys/" + name + ".pub.pem")));
            if (hex(sha256(der)).substring(0, 16).equals(seal.get("keyId").asText())) {
                key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            }
        }
        assertThat(key)
                .as("the key %s is one of the test keys", seal.get("keyId"))
                .isNotNull();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(statement(seal).getBytes(UTF_8));
        return verifier.verify(Base64.getDecoder().decode(seal.get("signature").asText()));
    }

    // section 4 and 5: the chain and the tree

    private static String chainStep(String chain, long position, String hash) {
        return hex(sha256(concat(lp("border-ledger/seal-chain/v1"), lp(chain), lp(Long.toString(position)), lp(hash))));
    }

    private static byte[] leafHash(long position, String hash) {
        return sha256(
                concat(new byte[] {0}, ByteBuffer.allocate(8).putLong(position).array(), HEX.parseHex(hash)));
    }

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = k(n);
        return sha256(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        int k = k(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    // section 8.2: the business date

    private static String businessDate(JsonNode payload) {
        List<JsonNode> dated = new ArrayList<>();
        payload.fields().forEachRemaining(member -> {
            if (member.getKey().endsWith("On")) {
                dated.add(member.getValue());
            }
        });
        return dated.size() == 1 && dated.get(0).isTextual() ? dated.get(0).asText() : null;
    }

    private static byte[] lp(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return concat(ByteBuffer.allocate(4).putInt(bytes.length).array(), bytes);
    }

    private static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> hexList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(element -> list.add(element.asText()));
        return list;
    }

    private static JsonNode read(String file) throws Exception {
        return json.readTree(VECTORS.resolve(file).toFile());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
