package org.borderledger.query.position;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Waits for positions. The positions this instance's projections committed are remembered (the most recent
 * {@value #REMEMBERED} of them), so a waiting read looks in memory each time a commit wakes it; the table is asked when
 * the wait starts and then once per poll interval, for a position that another instance processed into the shared
 * database. (Asking the table on every wake-up made hundreds of waiting reads query it after every commit of the
 * projections: the end-to-end benchmark spent seconds in that storm.)
 */
@Component
class ProcessedPositions {

    static final int REMEMBERED = 200_000;

    private final ProcessedPositionRepository repository;
    private final Duration pollInterval;
    private final Object monitor = new Object();
    private final ConcurrentSkipListSet<Long> committed = new ConcurrentSkipListSet<>();
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
        long nextQuery = System.nanoTime();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = commits;
            }
            if (committed.contains(position)) {
                return true;
            }
            long now = System.nanoTime();
            if (now - nextQuery >= 0) {
                if (repository.contains(position)) {
                    return true;
                }
                nextQuery = now + pollInterval.toNanos();
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            long untilQuery = Math.max(0, nextQuery - System.nanoTime());
            long sleep = Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(remaining, untilQuery)));
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

    /** Called after the projections committed these positions: remembers them and wakes every waiting read. */
    void processed(Collection<Long> positions) {
        committed.addAll(positions);
        while (committed.size() > REMEMBERED) {
            committed.pollFirst();
        }
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }
}
