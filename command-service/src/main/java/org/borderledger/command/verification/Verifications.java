package org.borderledger.command.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.borderledger.command.evidence.TamperEvidence;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.operations.jobs.BackgroundJobs;
import org.borderledger.operations.jobs.JobSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Full verifications of the event store, as jobs on the services' one lifecycle ({@link BackgroundJobs}): start,
 * progress, cancel, one at a time. A job walks every event and seal from the first ({@link TamperEvidence#verifyAll}) on
 * the audit API's own connections, in the background, records its progress every
 * {@code ledger.audit.verification.progress-interval}, and stops at the next progress record once a cancellation is
 * asked for. Its slot is the running job's row ({@code running_slot}); a running job whose row stopped moving for
 * {@code ledger.audit.verification.stale-after} (its instance died) is marked interrupted and no longer blocks a new
 * one.
 */
@Service
class Verifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Verifications.class);

    private final TamperEvidence evidence;
    private final VerificationJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final VerificationProperties properties;
    private final Clock clock;
    private final BackgroundJobs runner;

    Verifications(
            TamperEvidence evidence,
            VerificationJobRepository jobs,
            JdbcTemplate jdbc,
            VerificationProperties properties,
            Clock clock) {
        this.evidence = evidence;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.runner = new BackgroundJobs(
                "full-verification",
                new RunningRow(),
                clock,
                this.properties.progressInterval(),
                this.properties.staleAfter());
    }

    /** Starts a full verification; {@link VerificationRunning} when one runs. */
    VerificationJob start(String requestedBy) {
        return runner.start(
                id -> {
                    Long total = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
                    try {
                        jobs.insert(id, requestedBy, total == null ? 0 : total, clock.instant());
                    } catch (DuplicateKeyException another) {
                        throw new VerificationRunning(
                                jobs.running().map(VerificationJob::id).orElse(null));
                    }
                    log.info("Full verification {} requested by {}: {} events", id, requestedBy, total);
                    return jobs.find(id).orElseThrow();
                },
                (id, at) -> {},
                (job, heartbeat) -> run(job.id()));
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
                && runner.abandoned(job.id(), job.updatedAt())
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
        }
    }

    /** Interrupts a running job (recorded INTERRUPTED at its next progress record) and gives it a moment. */
    @Override
    public void close() {
        runner.close();
    }

    /**
     * The slot of full verifications: the row of the running job ({@code running_slot}, taken by its insert, given back
     * when its end is recorded). A start finds it free unless a job runs that is not abandoned.
     */
    private final class RunningRow implements JobSlot {

        @Override
        public void take(String jobId, Instant now) {
            jobs.running().map(Verifications.this::interruptedIfAbandoned).ifPresent(running -> {
                if (running.status() == VerificationJob.Status.RUNNING) {
                    throw new VerificationRunning(running.id());
                }
            });
        }

        @Override
        public boolean renew(String jobId, Instant now) {
            return jobs.touch(jobId, now);
        }

        @Override
        public void release(String jobId, Instant now) {}
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
