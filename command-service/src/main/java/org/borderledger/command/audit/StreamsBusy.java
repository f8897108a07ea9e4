package org.borderledger.command.audit;

import java.time.Duration;

/** Every NDJSON stream slot is taken: 503 with {@code Retry-After}, nothing started. */
class StreamsBusy extends RuntimeException {

    private final Duration retryAfter;

    StreamsBusy(int maxConcurrent, Duration retryAfter) {
        super(
                "All " + maxConcurrent + " audit streams are running; try again in " + retryAfter.toSeconds()
                        + " s, or page through the events as JSON meanwhile",
                null,
                false,
                false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
