package org.borderledger.command.verification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import org.borderledger.evidence.EvidenceWalk;

/** A full verification as the API shows it: status, progress and, once completed, its result. */
@Schema(description = "A full verification of the event store: progress, then its result")
record VerificationView(
        String id,
        @Schema(example = "RUNNING") VerificationJob.Status status,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Events in the store when it started") long eventsTotal,
        long eventsChecked,
        @Schema(description = "eventsChecked of eventsTotal, 0 to 100") double percent,
        @Schema(description = "Events checked per second since the start") double eventsPerSecond,
        @Schema(description = "Seconds left at that rate, while it runs", nullable = true) Long secondsLeft,
        @Schema(description = "Whether a cancellation was asked for") boolean cancelRequested,
        @Schema(description = "Once completed: what the check found", nullable = true) Result result,
        @Schema(description = "Why it failed or was interrupted", nullable = true) String failure) {

    record Result(boolean valid, long sealsChecked, EvidenceWalk.Broken firstBroken, Long lastSealPosition) {}

    static VerificationView of(VerificationJob job, Instant now) {
        Instant end = job.finishedAt() != null ? job.finishedAt() : now;
        double seconds = Math.max(Duration.between(job.startedAt(), end).toMillis() / 1000.0, 0.001);
        double rate = job.eventsChecked() / seconds;
        long left = Math.max(job.eventsTotal() - job.eventsChecked(), 0);
        return new VerificationView(
                job.id(),
                job.status(),
                job.requestedBy(),
                job.startedAt(),
                job.finishedAt(),
                job.eventsTotal(),
                job.eventsChecked(),
                job.eventsTotal() == 0
                        ? (job.status() == VerificationJob.Status.COMPLETED ? 100 : 0)
                        : Math.min(100, Math.round(1000.0 * job.eventsChecked() / job.eventsTotal()) / 10.0),
                Math.round(rate * 10) / 10.0,
                job.status() == VerificationJob.Status.RUNNING && rate > 0 ? Math.round(left / rate) : null,
                job.cancelRequested(),
                job.status() == VerificationJob.Status.COMPLETED
                        ? new Result(
                                Boolean.TRUE.equals(job.valid()),
                                job.sealsChecked() == null ? 0 : job.sealsChecked(),
                                job.firstBroken(),
                                job.lastSealPosition())
                        : null,
                job.failure());
    }
}
