package org.borderledger.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Runs the jobs that read the whole topic against the read models — replays and consistency checks — one at a time
 * across every instance sharing the read model database: a job holds the read model lock from its start to its end,
 * keeps it (and its own row) fresh with a {@link Heartbeat}, and runs in the background on this service's job thread.
 * A job whose instance died is recognised by its stale row and can be ended by whoever reads it.
 */
@Component
public class ReadModelJobs {

    private final ReadModelLock lock;
    private final RebuildProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-job");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String runningHere;

    ReadModelJobs(ReadModelLock lock, RebuildProperties properties, Clock clock) {
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes the lock for a new job of {@code kind}, lets {@code register} record it (the lock is given back when that
     * fails), and runs {@code body} with what it recorded in the background; {@code touch} refreshes the job's row with
     * each heartbeat. The body records its own end (completed, failed, interrupted), and may give the lock back in the
     * transaction that records it; the lock is given back after the body in any case.
     * {@link ReadModelsBusy} when another replay or check holds the lock.
     */
    public <R> R start(
            ReadModelLock.Kind kind,
            Function<String, R> register,
            BiConsumer<String, Instant> touch,
            BiConsumer<R, Heartbeat> body) {
        String id = UUID.randomUUID().toString();
        lock.acquire(kind, id, clock.instant(), properties.staleAfter()).ifPresent(holder -> {
            throw new ReadModelsBusy(holder);
        });
        R registered;
        try {
            registered = register.apply(id);
        } catch (RuntimeException e) {
            lock.release(id);
            throw e;
        }
        runningHere = id;
        worker.execute(() -> {
            try (Heartbeat heartbeat =
                    Heartbeat.start(lock, id, at -> touch.accept(id, at), clock, properties.progressInterval())) {
                body.accept(registered, heartbeat);
            } finally {
                lock.release(id);
                runningHere = null;
            }
        });
        return registered;
    }

    /**
     * Whether a job recorded as running, its row last touched at {@code updatedAt}, was abandoned: it does not run
     * here and its heartbeat stopped longer ago than the stale limit (its instance died).
     */
    public boolean abandoned(String id, Instant updatedAt) {
        return !id.equals(runningHere)
                && updatedAt.plus(properties.staleAfter()).isBefore(clock.instant());
    }

    /** Gives up the lock of an abandoned job once its end is recorded. */
    public void release(String id) {
        lock.release(id);
    }

    /** Interrupts a running job (it records itself INTERRUPTED) and gives it a moment to clean up. */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
