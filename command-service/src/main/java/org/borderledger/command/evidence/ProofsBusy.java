package org.borderledger.command.evidence;

import java.time.Duration;

/** Another proof is being built: 503 with {@code Retry-After}, nothing read. */
class ProofsBusy extends RuntimeException {

    private final Duration retryAfter;

    ProofsBusy(Duration retryAfter) {
        super("Another proof is being built; try again in " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
