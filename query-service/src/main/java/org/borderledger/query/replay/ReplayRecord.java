package org.borderledger.query.replay;

import java.time.Instant;
import org.borderledger.query.rebuild.TopicSpan;

/** A row of {@code read_model_replay}. */
record ReplayRecord(
        String id,
        ReplayStatus status,
        String requestedBy,
        long eventsTotal,
        long eventsProcessed,
        TopicSpan span,
        Instant startedAt,
        Instant resetAt,
        Instant updatedAt,
        Instant finishedAt,
        String failure) {}
