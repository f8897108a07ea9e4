package org.borderledger.command.web;

import java.util.Map;
import org.springframework.context.MessageSourceResolvable;

/**
 * A request header or path segment out of shape or over its limit (400), with what is wrong with each: a message code
 * of the catalogues ({@link Problems#text}).
 */
class InvalidInput extends RuntimeException {

    private final Map<String, MessageSourceResolvable> fields;

    InvalidInput(String field, MessageSourceResolvable problem) {
        super(field + ": " + problem.getDefaultMessage(), null, false, false);
        this.fields = Map.of(field, problem);
    }

    Map<String, MessageSourceResolvable> fields() {
        return fields;
    }
}
