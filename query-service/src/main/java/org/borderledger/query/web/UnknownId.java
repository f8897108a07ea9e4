package org.borderledger.query.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** No read model row carries the requested id (never recorded, or not yet processed: see {@code minPosition}). */
public final class UnknownId extends LedgerProblem {

    private final String what;

    public UnknownId(String what, String id) {
        super(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Unknown " + what,
                "No " + what + " with id '" + id + "'",
                List.of("id"));
        this.what = what.replace(' ', '-');
        arguments(term("what." + this.what, what), id);
    }

    /** {@code problemDetail.title.unknown-marker}, …: the title names what is unknown. */
    @Override
    public String getTitleMessageCode() {
        return "problemDetail.title.unknown-" + what;
    }

    @Override
    public String getDetailMessageCode() {
        return "problemDetail.unknown-id";
    }
}
