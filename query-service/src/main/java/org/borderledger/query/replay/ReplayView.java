package org.borderledger.query.replay;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A replay as the admin API shows it. */
record ReplayView(
        String id,
        ReplayStatus status,
        String requestedBy,
        @Schema(description = "records on the event topic when the replay started") long eventsTotal,
        @Schema(description = "records of eventsTotal the projections have processed since the reset")
                long eventsProcessed,
        @Schema(description = "eventsProcessed of eventsTotal, rounded down to a tenth") double percent,
        @Schema(description = "processed records per second since the replay started") double eventsPerSecond,
        @Schema(
                        description =
                                "ISO-8601 duration the rest takes at that rate; null until something is" + " processed",
                        example = "PT42S")
                String estimatedTimeLeft,
        Instant startedAt,
        @Schema(description = "when the read models were cleared and the token rewound") Instant resetAt,
        Instant finishedAt,
        String failure) {

    static ReplayView of(ReplayRecord replay) {
        Instant asOf = replay.finishedAt() != null ? replay.finishedAt() : replay.updatedAt();
        ReplayProgress progress =
                ReplayProgress.of(replay.eventsTotal(), replay.eventsProcessed(), replay.startedAt(), asOf);
        return new ReplayView(
                replay.id(),
                replay.status(),
                replay.requestedBy(),
                replay.eventsTotal(),
                replay.eventsProcessed(),
                progress.percent(),
                progress.eventsPerSecond(),
                replay.status() == ReplayStatus.RUNNING || replay.status() == ReplayStatus.COMPLETED
                        ? (progress.timeLeft() == null
                                ? null
                                : progress.timeLeft().toString())
                        : null,
                replay.startedAt(),
                replay.resetAt(),
                replay.finishedAt(),
                replay.failure());
    }
}
