package org.borderledger.command.audit;

import java.time.Duration;

/**
 * Every NDJSON stream slot is taken (503), or the token's own share of them (429): {@code Retry-After}, nothing
 * started.
 */
class StreamsBusy extends RuntimeException {

    private final Duration retryAfter;
    private final boolean ownShare;

    StreamsBusy(int maxConcurrent, Duration retryAfter, boolean ownShare) {
        super(
                (ownShare
                                ? "This token already runs " + maxConcurrent + " audit streams, its share"
                                : "All " + maxConcurrent + " audit streams are running")
                        + "; try again in " + retryAfter.toSeconds()
                        + " s, or page through the events as JSON meanwhile",
                null,
                false,
                false);
        this.retryAfter = retryAfter;
        this.ownShare = ownShare;
    }

    boolean ownShare() {
        return ownShare;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
