package org.borderledger.query.rebuild;

import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.springframework.http.HttpStatus;

/** A replay or consistency check asked for by a token without the role {@code ADMIN}: 403, nothing started. */
public final class AdminOnly extends LedgerProblem {

    AdminOnly() {
        super(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Only ADMIN starts a replay or consistency check; AUDITOR reads their progress and results",
                List.of());
    }
}
