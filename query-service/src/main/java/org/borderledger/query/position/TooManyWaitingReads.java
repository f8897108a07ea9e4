package org.borderledger.query.position;

import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.borderledger.security.FairShares;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * As many reads as allowed are waiting for positions already, in all (503) or of this token subject (429): this one is
 * refused at once, to retry shortly.
 */
final class TooManyWaitingReads extends LedgerProblem {

    private final HttpHeaders headers = new HttpHeaders();

    TooManyWaitingReads(FairShares.Refusal refusal, int maxWaiting, int maxWaitingPerSubject, String field) {
        super(
                refusal == FairShares.Refusal.SHARE_TAKEN
                        ? HttpStatus.TOO_MANY_REQUESTS
                        : HttpStatus.SERVICE_UNAVAILABLE,
                "too-many-waiting-reads",
                "Too many reads waiting",
                refusal == FairShares.Refusal.SHARE_TAKEN
                        ? maxWaitingPerSubject
                                + " reads of this token are already waiting for positions to be processed"
                                + " (its share of " + maxWaiting + "); retry shortly"
                        : maxWaiting + " reads are already waiting for positions to be processed; retry shortly",
                List.of(field));
        arguments(String.valueOf(maxWaiting));
        headers.set(HttpHeaders.RETRY_AFTER, "1");
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
