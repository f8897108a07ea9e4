package org.borderledger.query.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request parameter (or a combination of them) that cannot be answered, e.g. {@code from} after {@code to}. */
public final class InvalidParameter extends LedgerProblem {

    public InvalidParameter(List<String> fields, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid request parameter", detail, fields);
    }

    public InvalidParameter(String field, String detail) {
        this(List.of(field), detail);
    }
}
