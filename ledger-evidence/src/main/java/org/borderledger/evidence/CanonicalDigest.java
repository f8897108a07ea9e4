package org.borderledger.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of fields, each prefixed by its length (4 bytes, big-endian; -1 for null), so that no two
 * different sequences of fields hash the same bytes: {@code ("ab", "c")} and {@code ("a", "bc")} stay apart.
 */
final class CanonicalDigest {

    private final MessageDigest sha256;

    private CanonicalDigest(String version) {
        sha256 = Sha256.digest();
        field(version);
    }

    /** A digest whose first field names the format, so a later format can never collide with this one. */
    static CanonicalDigest of(String version) {
        return new CanonicalDigest(version);
    }

    CanonicalDigest field(String value) {
        return field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    CanonicalDigest field(byte[] value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(value == null ? -1 : value.length)
                .array());
        if (value != null) {
            sha256.update(value);
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
