package org.borderledger.query.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request parameter (or a combination of them) that cannot be answered, e.g. {@code from} after {@code to}. */
public final class InvalidParameter extends LedgerProblem {

    private final String code;

    public InvalidParameter(List<String> fields, String detail) {
        this(fields, null, detail);
    }

    /**
     * A refusal whose detail is {@code problemDetail.invalid-parameter.<code>} of the catalogues, formatted with
     * {@code arguments}, and {@code detail} in English; without a code the detail is {@code detail} in every language.
     */
    public InvalidParameter(List<String> fields, String code, String detail, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid request parameter", detail, fields);
        this.code = code;
        arguments(arguments);
    }

    @Override
    public String getDetailMessageCode() {
        return code == null ? "problemDetail.invalid-parameter.free-text" : "problemDetail.invalid-parameter." + code;
    }

    public InvalidParameter(String field, String detail) {
        this(List.of(field), detail);
    }
}
