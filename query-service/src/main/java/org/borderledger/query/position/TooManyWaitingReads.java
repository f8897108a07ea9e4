package org.borderledger.query.position;

import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** As many reads as allowed are waiting for positions already: this one is refused at once, to retry shortly. */
final class TooManyWaitingReads extends LedgerProblem {

    private final HttpHeaders headers = new HttpHeaders();

    TooManyWaitingReads(int maxWaiting, String field) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "too-many-waiting-reads",
                "Too many reads waiting",
                maxWaiting + " reads are already waiting for positions to be processed; retry shortly",
                List.of(field));
        arguments(String.valueOf(maxWaiting));
        headers.set(HttpHeaders.RETRY_AFTER, "1");
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
