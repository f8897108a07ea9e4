package org.borderledger.query.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running job's lock (and its own row, through {@code touch}) fresh from a thread of its own, so that a job
 * busy in one long statement (emptying large tables, comparing them) is not taken for dead.
 */
public final class Heartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer;
    private volatile boolean lost;

    private Heartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static Heartbeat start(
            ReadModelLock lock, String jobId, Consumer<Instant> touch, Clock clock, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        Heartbeat heartbeat = new Heartbeat(timer);
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        Instant now = clock.instant();
                        if (lock.heartbeat(jobId, now)) {
                            touch.accept(now);
                        } else {
                            heartbeat.lost = true;
                        }
                    } catch (RuntimeException e) {
                        log.warn("Heartbeat of job {} failed: {}", jobId, e.toString());
                    }
                },
                0,
                millis,
                TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    /** Whether the lock went to another job (this one's heartbeat was late beyond the stale limit). */
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
