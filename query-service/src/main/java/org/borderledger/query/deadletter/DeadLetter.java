package org.borderledger.query.deadletter;

import java.time.Instant;
import org.borderledger.codec.RecordRejection;
import org.borderledger.codec.TopicRecord;

/** A parked (or discarded) record of the event topic, with why it was not applied. */
record DeadLetter(
        long id,
        String sequenceId,
        Long claimedSequence,
        TopicRecord record,
        String digest,
        String eventId,
        String eventType,
        RecordRejection.Kind kind,
        String reason,
        Status status,
        int attempts,
        Instant parkedAt,
        Instant lastAttemptAt,
        Instant discardedAt,
        String discardedBy,
        String discardReason) {

    enum Status {
        PARKED,
        DISCARDED
    }
}
