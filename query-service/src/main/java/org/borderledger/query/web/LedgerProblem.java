package org.borderledger.query.web;

import java.util.List;
import org.borderledger.security.LedgerRefusal;
import org.springframework.http.HttpStatus;

/**
 * A read the query service refuses, a {@link LedgerRefusal} with its status, type name and title given.
 * {@link ProblemDetailsAdvice} answers it as {@code application/problem+json} whose {@code type} is
 * {@code https://border-ledger.example/problems/<kind>} and whose {@code fields} name the offending request parameters.
 */
public abstract class LedgerProblem extends LedgerRefusal {

    private final HttpStatus status;
    private final String kind;
    private final String title;

    protected LedgerProblem(HttpStatus status, String kind, String title, String detail, List<String> fields) {
        super(detail, fields);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String type() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
