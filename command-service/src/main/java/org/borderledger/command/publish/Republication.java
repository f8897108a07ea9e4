package org.borderledger.command.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;

/** A re-publication of the event store into the topic, as it stands, with its progress. */
record Republication(
        String id,
        Status status,
        String requestedBy,
        @Schema(description = "the first position re-published") long fromPosition,
        @Schema(description = "the highest position of the store when it started: the last one re-published")
                long toPosition,
        @Schema(description = "events between the two positions") long eventsTotal,
        @Schema(description = "events of eventsTotal the broker has acknowledged") long eventsPublished,
        @Schema(description = "the position of the last event acknowledged") Long lastPosition,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        String failure) {

    enum Status {
        RUNNING,
        COMPLETED,
        FAILED,
        INTERRUPTED
    }

    @Schema(description = "eventsPublished of eventsTotal, rounded down to a tenth")
    @JsonProperty
    public double percent() {
        return eventsTotal == 0 ? 100.0 : Math.floor(eventsPublished * 1000.0 / eventsTotal) / 10.0;
    }

    @Schema(description = "events published per second since the start")
    @JsonProperty
    public double eventsPerSecond() {
        long millis = Duration.between(startedAt, finishedAt != null ? finishedAt : updatedAt)
                .toMillis();
        return millis <= 0 ? 0 : Math.round(eventsPublished * 10_000.0 / millis) / 10.0;
    }

    @Schema(description = "ISO-8601 duration the rest takes at that rate; null until something is published")
    @JsonProperty
    public String estimatedTimeLeft() {
        double rate = eventsPerSecond();
        if (status != Status.RUNNING || rate <= 0) {
            return status == Status.COMPLETED ? Duration.ZERO.toString() : null;
        }
        return Duration.ofSeconds((long) Math.ceil((eventsTotal - eventsPublished) / rate))
                .toString();
    }
}
