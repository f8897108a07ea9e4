package org.borderledger.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by their UTF-16 code units, no whitespace, strings
 * with the minimal escapes, numbers as ECMAScript prints an IEEE 754 double. Any language with a JCS library
 * reproduces these bytes, and so the hashes and signatures made over them. Numbers are doubles there, so an integer
 * beyond 2^53 is canonicalised to the nearest double.
 */
public final class Jcs {

    private Jcs() {}

    /** The canonical UTF-8 bytes of a JSON object or array; an {@link IOException} when the text is not one. */
    public static byte[] canonicalize(String json) throws IOException {
        try {
            return new JsonCanonicalizer(json).getEncodedString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException malformed) {
            throw new IOException("Not JSON: " + malformed.getMessage(), malformed);
        }
    }
}
