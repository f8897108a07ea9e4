package org.borderledger.operations.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The lifecycle every background job of the services shares (full verifications, re-publications, replays,
 * consistency checks). A start takes the kind's {@link JobSlot} (one job at a time across the instances sharing its
 * database) and lets the job record itself; the job then runs on this runner's own thread while a {@link Heartbeat}
 * keeps the slot and the job's row fresh; the slot is given back when the job ends, however it ends. A job recorded as
 * running whose row stopped moving for longer than the stale limit, and that does not run here, was abandoned by an
 * instance that died: whoever reads it records it interrupted. Closing the runner interrupts the running job, which
 * records itself interrupted. Each job says only what it does: how it records itself, its progress and its end.
 */
public final class BackgroundJobs implements AutoCloseable {

    private final JobSlot slot;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final Duration staleAfter;
    private final ExecutorService worker;
    private volatile String runningHere;

    /**
     * @param name the name of the runner's thread
     * @param heartbeatInterval how often a running job's slot and row are renewed
     * @param staleAfter how long a running job's row may stay still before it counts as abandoned
     */
    public BackgroundJobs(String name, JobSlot slot, Clock clock, Duration heartbeatInterval, Duration staleAfter) {
        this.slot = slot;
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
        this.staleAfter = staleAfter;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the slot for a new job (the slot throws the kind's refusal when another job holds it), lets
     * {@code register} record the job under its new id (the slot is given back when that fails), and runs
     * {@code body} with what it recorded in the background; {@code touch} refreshes the job's row with each heartbeat.
     * The body records its own end (completed, failed, cancelled, interrupted) and may give the slot back in the
     * transaction that records it ({@link #release}); the slot is given back after the body in any case.
     */
    public <R> R start(Function<String, R> register, BiConsumer<String, Instant> touch, BiConsumer<R, Heartbeat> body) {
        String id = UUID.randomUUID().toString();
        slot.take(id, clock.instant());
        R registered;
        try {
            registered = register.apply(id);
        } catch (RuntimeException e) {
            slot.releaseUnstarted(id, clock.instant());
            throw e;
        }
        runningHere = id;
        worker.execute(() -> {
            try (Heartbeat heartbeat = Heartbeat.start(
                    id,
                    at -> {
                        if (!slot.renew(id, at)) {
                            return false;
                        }
                        touch.accept(id, at);
                        return true;
                    },
                    clock,
                    heartbeatInterval)) {
                body.accept(registered, heartbeat);
            } finally {
                slot.release(id, clock.instant());
                runningHere = null;
            }
        });
        return registered;
    }

    /**
     * Whether a job recorded as running, its row last touched at {@code updatedAt}, was abandoned: it does not run
     * here and its row stopped moving longer ago than the stale limit (its instance died).
     */
    public boolean abandoned(String id, Instant updatedAt) {
        return !id.equals(runningHere) && updatedAt.plus(staleAfter).isBefore(clock.instant());
    }

    /** Gives the slot of {@code id} back (a job that records its end, or an abandoned one once its end is recorded). */
    public void release(String id) {
        slot.release(id, clock.instant());
    }

    /** Interrupts a running job (it records itself interrupted) and gives it a moment to do so. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
