package org.borderledger.command.verification;

import java.time.Instant;
import org.borderledger.evidence.EvidenceWalk;

/** One full verification as recorded in {@code verification_job}: its progress, then its result or why it stopped. */
record VerificationJob(
        String id,
        Status status,
        String requestedBy,
        long eventsTotal,
        long eventsChecked,
        boolean cancelRequested,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        Boolean valid,
        Long sealsChecked,
        EvidenceWalk.Broken firstBroken,
        Long lastSealPosition,
        String failure) {

    enum Status {
        RUNNING,
        COMPLETED,
        CANCELLED,
        FAILED,
        INTERRUPTED
    }
}
