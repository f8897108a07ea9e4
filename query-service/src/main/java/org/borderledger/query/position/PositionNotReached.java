package org.borderledger.query.position;

import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The read models have not processed the requested position within the allowed wait: try again shortly. */
final class PositionNotReached extends LedgerProblem {

    private final HttpHeaders headers = new HttpHeaders();

    PositionNotReached(long required, long highest, String field) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "position-not-reached",
                "Read model not up to date yet",
                "The read models have not processed position " + required + " yet (highest processed: " + highest
                        + "); retry shortly",
                List.of(field));
        arguments(String.valueOf(required), String.valueOf(highest));
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        headers.set(ReadPosition.HEADER, Long.toString(highest));
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
