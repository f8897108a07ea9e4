package org.borderledger.command.audit;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.borderledger.command.evidence.TamperEvidence;
import org.borderledger.evidence.EvidenceWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Full verifications of the event store, as jobs: start, progress, cancel, one at a time. A job walks every event and
 * seal from the first ({@link TamperEvidence#verifyAll}) on the audit API's own connections, in the background,
 * records its progress every {@code ledger.audit.verification.progress-interval}, and stops at the next progress
 * record once a cancellation is asked for. A running job whose progress stopped for
 * {@code ledger.audit.verification.stale-after} (its instance died) is marked interrupted and no longer blocks a new
 * one.
 */
@Service
class Verifications {

    private static final Logger log = LoggerFactory.getLogger(Verifications.class);

    private final TamperEvidence evidence;
    private final VerificationJobs jobs;
    private final JdbcTemplate jdbc;
    private final AuditProperties.Verification properties;
    private final Clock clock;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "full-verification");
        thread.setDaemon(true);
        return thread;
    });

    Verifications(
            TamperEvidence evidence,
            VerificationJobs jobs,
            JdbcTemplate jdbc,
            AuditProperties properties,
            Clock clock) {
        this.evidence = evidence;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.properties = properties.verification();
        this.clock = clock;
    }

    /** Starts a full verification; {@link VerificationRunning} when one runs. */
    VerificationJob start(String requestedBy) {
        jobs.running().ifPresent(running -> {
            VerificationJob current = interruptedIfAbandoned(running);
            if (current.status() == VerificationJob.Status.RUNNING) {
                throw new VerificationRunning(current.id());
            }
        });
        String id = UUID.randomUUID().toString();
        Long total = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        try {
            jobs.insert(id, requestedBy, total == null ? 0 : total, clock.instant());
        } catch (DuplicateKeyException another) {
            throw new VerificationRunning(
                    jobs.running().map(VerificationJob::id).orElse(null));
        }
        runningHere.add(id);
        log.info("Full verification {} requested by {}: {} events", id, requestedBy, total);
        worker.execute(() -> run(id));
        return jobs.find(id).orElseThrow();
    }

    Optional<VerificationJob> find(String id) {
        return jobs.find(id).map(this::interruptedIfAbandoned);
    }

    List<VerificationJob> latest(int limit) {
        return jobs.latest(limit).stream().map(this::interruptedIfAbandoned).toList();
    }

    /** Asks a running job to stop; {@link VerificationFinished} when it already ended. */
    VerificationJob cancel(String id) {
        VerificationJob job = find(id).orElseThrow(() -> new UnknownVerification(id));
        if (job.status() != VerificationJob.Status.RUNNING || !jobs.requestCancel(id)) {
            throw new VerificationFinished(
                    id, jobs.find(id).map(VerificationJob::status).orElse(job.status()));
        }
        log.info("Full verification {}: cancellation requested", id);
        return jobs.find(id).orElseThrow();
    }

    private VerificationJob interruptedIfAbandoned(VerificationJob job) {
        Instant now = clock.instant();
        if (job.status() == VerificationJob.Status.RUNNING
                && !runningHere.contains(job.id())
                && jobs.interruptIfStale(
                        job.id(),
                        now.minus(properties.staleAfter()),
                        "The service running the verification stopped before it completed",
                        now)) {
            return jobs.find(job.id()).orElse(job);
        }
        return job;
    }

    private void run(String id) {
        long[] checked = {0};
        Instant[] lastRecord = {clock.instant()};
        try {
            EvidenceWalk.Result result = evidence.verifyAll(events -> {
                checked[0] = events;
                if (Thread.currentThread().isInterrupted()) {
                    throw new Interrupted();
                }
                Instant now = clock.instant();
                if (now.isBefore(lastRecord[0].plus(properties.progressInterval()))) {
                    return;
                }
                lastRecord[0] = now;
                if (jobs.progress(id, events, now)) {
                    throw new Cancelled();
                }
            });
            jobs.complete(id, result, clock.instant());
            log.info(
                    "Full verification {} completed: {} events, {} seals, {}",
                    id,
                    result.eventsChecked(),
                    result.sealsChecked(),
                    result.valid() ? "intact" : "first break " + result.firstBroken());
        } catch (Cancelled cancelled) {
            jobs.stop(id, VerificationJob.Status.CANCELLED, checked[0], null, clock.instant());
            log.info("Full verification {} cancelled after {} events", id, checked[0]);
        } catch (Interrupted interrupted) {
            jobs.stop(
                    id,
                    VerificationJob.Status.INTERRUPTED,
                    checked[0],
                    "The service stopped during the verification",
                    clock.instant());
        } catch (RuntimeException e) {
            log.error("Full verification {} failed", id, e);
            jobs.stop(id, VerificationJob.Status.FAILED, checked[0], e.toString(), clock.instant());
        } finally {
            runningHere.remove(id);
        }
    }

    /** Interrupts a running job (recorded INTERRUPTED at its next progress record) and gives it a moment. */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }
}
