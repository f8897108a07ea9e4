package org.borderledger.command.audit;

import java.util.Map;

/** A query parameter out of range: 400, naming the parameter. */
class InvalidAuditQuery extends RuntimeException {

    private final Map<String, String> fields;

    InvalidAuditQuery(String field, String problem) {
        super(field + " " + problem, null, false, false);
        this.fields = Map.of(field, problem);
    }

    Map<String, String> fields() {
        return fields;
    }
}
