package org.borderledger.codec;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that authenticate topic records, from configuration only: {@code id=base64secret} pairs separated by
 * commas, e.g. {@code k2=…,k1=…}. Every key verifies; one key signs (by default the first). Rotating: add the new key
 * to every reader first, then make it the writer's signing key; keep an old key while records it signed are on the
 * topic.
 */
public final class RecordKeys {

    static final String ALGORITHM = "HmacSHA256";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MIN_SECRET_BYTES = 32;

    private final Map<String, SecretKeySpec> keys;
    private final String signingKeyId;

    /** An initialised MAC per key and thread: {@code doFinal} resets it for the next record. */
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(java.util.HashMap::new);

    private RecordKeys(Map<String, SecretKeySpec> keys, String signingKeyId) {
        this.keys = keys;
        this.signingKeyId = signingKeyId;
    }

    /**
     * Reads {@code id=base64secret[,id=base64secret…]}; {@code signingKeyId} blank means the first key.
     *
     * @throws IllegalArgumentException when no key is given, an entry is malformed, a secret is shorter than 32 bytes,
     *     or the signing key is not among the keys
     */
    public static RecordKeys parse(String keys, String signingKeyId) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException(
                    "No record keys configured (ledger.records.keys / LEDGER_RECORD_KEYS): every record on the"
                            + " topic is authenticated with one, e.g. LEDGER_RECORD_KEYS=k1=<base64 of 32+ random bytes>");
        }
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String trimmed = entry.trim();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("A record key is not id=base64secret: '" + idOnly(trimmed) + "'");
            }
            String id = trimmed.substring(0, equals);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "A record key id must be 1-64 letters, digits, '.', '_' or '-': '" + id + "'");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(trimmed.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Record key '" + id + "' is not valid base64");
            }
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("Record key '" + id + "' has " + secret.length + " bytes; at least "
                        + MIN_SECRET_BYTES + " are needed");
            }
            if (parsed.put(id, new SecretKeySpec(secret, ALGORITHM)) != null) {
                throw new IllegalArgumentException("Record key '" + id + "' is given twice");
            }
        }
        String signing = signingKeyId == null || signingKeyId.isBlank()
                ? parsed.keySet().iterator().next()
                : signingKeyId.trim();
        if (!parsed.containsKey(signing)) {
            throw new IllegalArgumentException(
                    "The signing key '" + signing + "' is not among the record keys " + parsed.keySet());
        }
        return new RecordKeys(Map.copyOf(parsed), signing);
    }

    /** One key, which also signs: for tests and tools. */
    public static RecordKeys single(String id, byte[] secret) {
        return parse(id + "=" + Base64.getEncoder().encodeToString(secret), id);
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The HMAC-SHA256 of {@code content} under key {@code keyId}, or empty for a key this configuration lacks. */
    Optional<byte[]> mac(String keyId, byte[] content) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        Mac mac = macs.get().computeIfAbsent(keyId, id -> newMac(key));
        return Optional.of(mac.doFinal(content));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String idOnly(String entry) {
        int equals = entry.indexOf('=');
        return equals < 0 ? entry.substring(0, Math.min(entry.length(), 8)) + "…" : entry.substring(0, equals);
    }

    @Override
    public String toString() {
        return "RecordKeys" + keys.keySet() + " signing with " + signingKeyId;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
