package org.borderledger.query.rebuild;

import java.time.Duration;
import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A replay or consistency check asked for within the cooldown after the last one ended ({@code ledger.rebuild.cooldown}):
 * 429, with {@code Retry-After} in seconds.
 */
public final class ReadModelsCoolingDown extends LedgerProblem {

    private final HttpHeaders headers = new HttpHeaders();

    ReadModelsCoolingDown(Duration left, Duration cooldown) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "read-models-cooling-down",
                "The read models rest between replays and consistency checks",
                "The last replay or consistency check ended less than " + cooldown + " ago; the next may start in "
                        + seconds(left) + " s",
                List.of());
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(left)));
    }

    private static long seconds(Duration left) {
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
