package org.borderledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The business date an export line states beside the payload, derived from the payload alone (so the hash that covers
 * the payload covers it): the value of the one payload member whose name ends in {@code On}, when it is a string; null
 * when the payload has no such member, more than one, or a value that is not a string. The rule does not depend on
 * the order of the payload's members, which the hash does not cover.
 */
public final class BusinessDate {

    private BusinessDate() {}

    public static String of(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return null;
        }
        List<JsonNode> dated = new ArrayList<>();
        payload.fields().forEachRemaining(member -> {
            if (member.getKey().endsWith("On")) {
                dated.add(member.getValue());
            }
        });
        return dated.size() == 1 && dated.get(0).isTextual() ? dated.get(0).asText() : null;
    }
}
