package org.borderledger.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop pacing: the n-th request is due at {@code start + n / rate}, whatever happened to the earlier ones, so a
 * slow answer delays nothing that follows (no coordinated omission). Latencies are measured from the due time.
 */
final class Pacer {

    private final long startNanos;
    private final double periodNanos;
    private long issued;

    Pacer(long startNanos, double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.startNanos = startNanos;
        this.periodNanos = 1_000_000_000d / perSecond;
    }

    /** When the next request is due (System.nanoTime() scale); each call moves on by one request. */
    long nextDue() {
        return startNanos + (long) (issued++ * periodNanos);
    }

    /** How many requests have been handed out. */
    long issued() {
        return issued;
    }

    /** Parks until {@code due}; returns at once when it has passed. */
    static void awaitDue(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
