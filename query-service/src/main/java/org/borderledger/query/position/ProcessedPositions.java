package org.borderledger.query.position;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Waits for positions. A read that needs position N checks the table, then sleeps until a local commit of the
 * projections wakes it ({@link #processed()}) or the poll interval passes (another instance may have processed the
 * event into the shared database), until N is there or the time is up.
 */
@Component
class ProcessedPositions {

    private final ProcessedPositionRepository repository;
    private final Duration pollInterval;
    private final Object monitor = new Object();
    private long commits;

    ProcessedPositions(ProcessedPositionRepository repository, ReadProperties properties) {
        this.repository = repository;
        this.pollInterval = properties.pollInterval();
    }

    long highest() {
        return repository.highest();
    }

    /** Whether the event at {@code position} has been processed, waiting at most {@code maxWait} for it. */
    boolean awaitProcessed(long position, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = commits;
            }
            if (repository.contains(position)) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            long sleep = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), pollInterval.toMillis()));
            synchronized (monitor) {
                if (commits == seen) {
                    try {
                        monitor.wait(sleep);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
    }

    /** Called after the projections committed new positions: wakes every waiting read. */
    void processed() {
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }
}
