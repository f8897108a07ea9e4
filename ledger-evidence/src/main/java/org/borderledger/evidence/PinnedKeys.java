package org.borderledger.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seal keys an auditor trusts, obtained out of band, each with the range of seal positions it may sign: a seal at
 * position {@code p} counts only when its key is pinned and {@code validFromPosition <= p <= validToPosition} (no upper
 * bound when {@code validToPosition} is null). A key's validity is a range of positions, not of time, because a seal's
 * time is what its signer asserts while its position is fixed by the chain.
 *
 * <p>The file ({@code border-ledger/pinned-keys/v1}):
 *
 * <pre>{@code
 * {"format":"border-ledger/pinned-keys/v1",
 *  "keys":[{"keyId":"5c1f…","publicKeyPem":"-----BEGIN PUBLIC KEY-----\n…","validFromPosition":1,
 *           "validToPosition":4000,"note":"…"}]}
 * }</pre>
 *
 * A key id that is not the id of its PEM, a range that is empty, a key pinned twice or an unknown member makes the file
 * unusable ({@link IOException}): an auditor's trust is never read loosely.
 */
public final class PinnedKeys {

    public static final String FORMAT = "border-ledger/pinned-keys/v1";

    /** One pinned key and the seal positions it may sign. */
    public record Pinned(String keyId, PublicKey key, long validFromPosition, Long validToPosition, String note) {

        public boolean covers(long position) {
            return position >= validFromPosition && (validToPosition == null || position <= validToPosition);
        }

        public String range() {
            return validFromPosition + ".." + (validToPosition == null ? "" : validToPosition);
        }
    }

    /** What the pinned keys say about one seal's signature. */
    public enum Verdict {
        VALID,
        UNSIGNED,
        KEY_NOT_PINNED,
        KEY_OUT_OF_RANGE,
        SIGNATURE_INVALID
    }

    private static final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final List<String> MEMBERS =
            List.of("keyId", "publicKeyPem", "validFromPosition", "validToPosition", "note");

    private final Map<String, Pinned> keys;

    private PinnedKeys(Map<String, Pinned> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Keys trusted for every position: what a bare list of public keys says. */
    public static PinnedKeys unbounded(Map<String, PublicKey> keys) {
        Map<String, Pinned> pinned = new LinkedHashMap<>();
        keys.forEach((id, key) -> pinned.put(id, new Pinned(id, key, 0, null, null)));
        return new PinnedKeys(pinned);
    }

    /** The pinned key file's keys; an {@link IOException} naming the fault when the file is not exactly one. */
    public static PinnedKeys parse(String text) throws IOException {
        JsonNode file;
        try {
            file = json.readTree(text);
        } catch (IOException notJson) {
            throw new IOException("the pinned key file is not JSON: " + notJson.getMessage(), notJson);
        }
        if (file == null || !file.isObject() || !FORMAT.equals(text(file, "format"))) {
            throw new IOException("the pinned key file is not a {\"format\":\"" + FORMAT + "\",…} object");
        }
        JsonNode list = file.get("keys");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IOException("the pinned key file pins no key (\"keys\" is not a non-empty array)");
        }
        Map<String, Pinned> keys = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode entry : list) {
            String where = "keys[" + index++ + "]";
            if (!entry.isObject()) {
                throw new IOException(where + " is not an object");
            }
            List<String> unknown = new ArrayList<>();
            entry.fieldNames().forEachRemaining(name -> {
                if (!MEMBERS.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                throw new IOException(where + " has unknown members " + unknown);
            }
            String keyId = text(entry, "keyId");
            String pem = text(entry, "publicKeyPem");
            if (keyId == null || pem == null) {
                throw new IOException(where + " needs keyId and publicKeyPem");
            }
            PublicKey key;
            try {
                key = SealSignatures.readPublicKey(pem);
            } catch (IOException e) {
                throw new IOException(where + ".publicKeyPem: " + e.getMessage(), e);
            }
            if (!SealSignatures.keyId(key).equals(keyId)) {
                throw new IOException(
                        where + ".keyId " + keyId + " is not the id of its key (" + SealSignatures.keyId(key) + ")");
            }
            JsonNode from = entry.get("validFromPosition");
            JsonNode to = entry.get("validToPosition");
            if (from == null || !from.canConvertToExactIntegral() || from.asLong() < 0) {
                throw new IOException(where + ".validFromPosition is not a whole number >= 0");
            }
            if (to != null && !to.isNull() && (!to.canConvertToExactIntegral() || to.asLong() < from.asLong())) {
                throw new IOException(where + ".validToPosition is not a whole number >= validFromPosition, or null");
            }
            JsonNode note = entry.get("note");
            if (note != null && !note.isTextual() && !note.isNull()) {
                throw new IOException(where + ".note is not a string");
            }
            Pinned pinned = new Pinned(
                    keyId,
                    key,
                    from.asLong(),
                    to == null || to.isNull() ? null : to.asLong(),
                    note == null ? null : note.asText(null));
            if (keys.putIfAbsent(keyId, pinned) != null) {
                throw new IOException(where + " pins key " + keyId + " a second time");
            }
        }
        return new PinnedKeys(keys);
    }

    /** Whether the seal's signature counts: its key pinned, its position in the key's range, its signature valid. */
    public Verdict check(Seal seal) {
        if (!seal.signed()) {
            return Verdict.UNSIGNED;
        }
        Pinned pinned = seal.keyId() == null ? null : keys.get(seal.keyId());
        if (pinned == null) {
            return Verdict.KEY_NOT_PINNED;
        }
        if (!pinned.covers(seal.position())) {
            return Verdict.KEY_OUT_OF_RANGE;
        }
        return SealSignatures.verify(seal, pinned.key()) ? Verdict.VALID : Verdict.SIGNATURE_INVALID;
    }

    /** The pinned key with that id, or null. */
    public Pinned key(String keyId) {
        return keys.get(keyId);
    }

    public Map<String, Pinned> keys() {
        return keys;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
