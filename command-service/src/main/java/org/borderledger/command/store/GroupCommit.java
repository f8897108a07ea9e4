package org.borderledger.command.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each write's database work (its idempotency key, its command, the events it appends) in a transaction, and, when
 * enabled, lets concurrent writes share one: each of {@code ledger.write.group-commit.writers} threads takes the writes
 * waiting in the queue (up to
 * {@code ledger.write.group-commit.max-batch}, waiting up to {@code ledger.write.group-commit.window} for more after the
 * first), runs them one after the other inside one transaction, each in a savepoint of its own, and commits once.
 *
 * <p>A write that fails (a refusal, a unique-key conflict) rolls back to its savepoint, so only its own work is undone
 * and its neighbours still commit. A conflict with a write of the same batch (an aggregate's sequence number, an
 * aggregate id, an idempotency key) is retried once, in a later batch, after the winner committed; only then is the
 * conflict answered. No write is answered before its batch has committed: if the commit fails (or the process dies
 * before it), nothing of the batch is in the store and every write of it gets the failure, none an acceptance.
 */
@Component
public class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Whether the work of the write running on this thread is kept, as seen by code that acts after commit. */
    private static final ThreadLocal<BooleanSupplier> kept = new ThreadLocal<>();

    private static final BooleanSupplier ALWAYS = () -> true;

    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final boolean enabled;
    private final Duration window;
    private final int maxBatch;
    private final BlockingDeque<Job<?>> queue = new LinkedBlockingDeque<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private volatile Runnable beforeCommit = () -> {};
    private volatile boolean stopping;

    public GroupCommit(
            PlatformTransactionManager transactionManager,
            @Value("${ledger.write.group-commit.enabled:false}") boolean enabled,
            @Value("${ledger.write.group-commit.window:0ms}") Duration window,
            @Value("${ledger.write.group-commit.max-batch:32}") int maxBatch,
            @Value("${ledger.write.group-commit.writers:2}") int writers) {
        if (maxBatch < 1 || writers < 1) {
            throw new IllegalArgumentException("ledger.write.group-commit.max-batch and .writers must be at least 1");
        }
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.enabled = enabled;
        this.window = window;
        this.maxBatch = maxBatch;
        if (enabled) {
            for (int i = 0; i < writers; i++) {
                Thread writer = new Thread(this::drain, "ledger-group-commit-" + i);
                writer.setDaemon(true);
                writer.start();
                this.writers.add(writer);
            }
            log.info(
                    "Group commit on: {} writers, up to {} writes per transaction, window {} ms",
                    writers,
                    maxBatch,
                    window.toMillis());
        }
    }

    /**
     * Runs {@code work} in a transaction (shared with other writes when group commit is on) and returns its result
     * once that transaction has committed; a failure of {@code work} or of the commit is thrown here.
     */
    public <T> T execute(Supplier<T> work) {
        if (!enabled) {
            return transactions.execute(status -> work.get());
        }
        Job<T> job = new Job<>(work, MDC.getCopyOfContextMap(), new CompletableFuture<>(), false);
        queue.add(job);
        if (stopping && queue.remove(job)) {
            throw new IllegalStateException("The service is stopping; the write was not run");
        }
        try {
            return job.answer().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the write's transaction was running", e);
        }
    }

    /**
     * Whether the write running on this thread is kept: false once its savepoint was rolled back. Code that defers work
     * until the transaction commits (an aggregate cache) checks it then, because a savepoint rolled back inside a
     * transaction that commits does not undo what was registered for that commit.
     */
    public static BooleanSupplier currentWriteKept() {
        BooleanSupplier current = kept.get();
        return current == null ? ALWAYS : current;
    }

    /** Batches committed and writes in them, since start. */
    long batches() {
        return batches.get();
    }

    /** Runs before each batch's commit, on the writer thread; a failure there rolls the batch back. */
    void beforeCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    private record Job<T>(Supplier<T> work, Map<String, String> mdc, CompletableFuture<T> answer, boolean retry) {

        Job<T> retried() {
            return new Job<>(work, mdc, answer, true);
        }
    }

    /** A write's outcome in its batch: its result, or the failure it is answered with. */
    private record Outcome(Job<?> job, Object result, Throwable failure) {}

    private void drain() {
        while (!stopping) {
            List<Job<?>> batch = new ArrayList<>(maxBatch);
            try {
                Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - batch.size());
                long deadline = System.nanoTime() + window.toNanos();
                while (batch.size() < maxBatch && !window.isZero()) {
                    Job<?> next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - batch.size());
                }
            } catch (InterruptedException e) {
                batch.forEach(job -> job.answer().completeExceptionally(e));
                return;
            }
            run(batch);
        }
    }

    private void run(List<Job<?>> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Job<?>> retries = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                for (Job<?> job : batch) {
                    AtomicBoolean keptFlag = new AtomicBoolean(true);
                    kept.set(keptFlag::get);
                    withMdc(job.mdc());
                    try {
                        Object result =
                                savepoints.execute(savepoint -> job.work().get());
                        outcomes.add(new Outcome(job, result, null));
                    } catch (RuntimeException | Error failure) {
                        keptFlag.set(false);
                        if (!job.retry() && conflict(failure)) {
                            retries.add(job.retried());
                        } else {
                            outcomes.add(new Outcome(job, null, failure));
                        }
                    } finally {
                        kept.remove();
                        MDC.clear();
                    }
                }
                beforeCommit.run();
            });
        } catch (RuntimeException | Error commitFailure) {
            log.warn("A batch of {} writes did not commit: {}", batch.size(), commitFailure.toString());
            batch.forEach(job -> job.answer().completeExceptionally(commitFailure));
            return;
        }
        batches.incrementAndGet();
        for (Outcome outcome : outcomes) {
            complete(outcome);
        }
        for (int i = retries.size() - 1; i >= 0; i--) {
            queue.addFirst(retries.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Outcome outcome) {
        CompletableFuture<T> answer = (CompletableFuture<T>) outcome.job().answer();
        if (outcome.failure() != null) {
            answer.completeExceptionally(outcome.failure());
        } else {
            answer.complete((T) outcome.result());
        }
    }

    /**
     * A conflict with a concurrent write: the same aggregate sequence number, aggregate id or idempotency key taken
     * first, or a lock the database gave to the other write.
     */
    static boolean conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException
                    || cause instanceof AggregateStreamCreationException
                    || cause instanceof DuplicateKeyException
                    || cause instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    private static void withMdc(Map<String, String> mdc) {
        if (mdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(mdc);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        Job<?> left;
        while ((left = queue.poll()) != null) {
            left.answer().completeExceptionally(new IllegalStateException("The service stopped before the write ran"));
        }
    }
}
