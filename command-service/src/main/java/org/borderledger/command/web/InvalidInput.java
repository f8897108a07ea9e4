package org.borderledger.command.web;

import java.util.Map;

/** A request header or path segment out of shape or over its limit (400), with what is wrong with each. */
class InvalidInput extends RuntimeException {

    private final Map<String, String> fields;

    InvalidInput(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.fields = Map.of(field, problem);
    }

    Map<String, String> fields() {
        return fields;
    }
}
