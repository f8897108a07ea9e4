package org.borderledger.query.infra;

/**
 * How deep a JSON text nests objects and arrays, counted on its bytes before anything parses it: brackets inside
 * strings do not count. It neither checks nor decodes the rest of the text; a text that is not JSON is the decoder's to
 * refuse. One pass over the bytes, with no allocation, so every record pays next to nothing for the check.
 */
final class JsonDepth {

    private JsonDepth() {}

    /** Whether {@code json} opens more than {@code limit} objects and arrays inside each other. */
    static boolean exceeds(byte[] json, int limit) {
        if (json == null) {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > limit) {
                    return true;
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return false;
    }
}
