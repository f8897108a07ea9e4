package org.borderledger.operations.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running job's slot and row fresh from a thread of its own, so that a job busy in one long statement
 * (emptying large tables, comparing them, walking the store) is not taken for dead.
 */
public final class Heartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer;
    private volatile boolean lost;

    private Heartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Beats every {@code interval} from now on; {@code beat} answers false when the job lost its slot. */
    static Heartbeat start(String jobId, Predicate<Instant> beat, Clock clock, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        Heartbeat heartbeat = new Heartbeat(timer);
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!beat.test(clock.instant())) {
                            heartbeat.lost = true;
                        }
                    } catch (RuntimeException e) {
                        log.warn("Heartbeat of job {} failed: {}", jobId, e.toString());
                    }
                },
                0,
                Math.max(1, interval.toMillis()),
                TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    /** Whether the slot went to another job (this one's heartbeat was late beyond the stale limit). */
    public boolean lost() {
        return lost;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
