package org.borderledger.query.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. {@link ProblemDetailsAdvice} turns it into {@code application/problem+json} whose
 * {@code type} is {@code https://border-ledger.example/problems/<kind>} and whose {@code fields} name the offending
 * request parameters.
 */
public abstract class LedgerProblem extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final List<String> fields;

    protected LedgerProblem(HttpStatus status, String kind, String title, String detail, List<String> fields) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<String> fields() {
        return fields;
    }

    /** Headers the answer carries besides the body, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
