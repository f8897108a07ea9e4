package org.borderledger.query.position;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code processed_position} table: one row per event position the projections have committed. */
@Repository
class ProcessedPositionRepository {

    private final JdbcClient jdbc;

    ProcessedPositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a position; recording one that is already there (a redelivery) changes nothing. */
    void record(long position, String eventId, String eventType, String aggregateId, Instant recordedAt) {
        jdbc.sql("INSERT INTO processed_position (position, event_id, event_type, aggregate_id, recorded_at)"
                        + " VALUES (:position, :eventId, :eventType, :aggregateId, :recordedAt) ON CONFLICT DO NOTHING")
                .param("position", position)
                .param("eventId", eventId)
                .param("eventType", eventType)
                .param("aggregateId", aggregateId)
                .param("recordedAt", recordedAt == null ? null : OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .update();
    }

    /** Forgets every position: after a reset no event counts as processed until the replay has processed it again. */
    void clear() {
        jdbc.sql("DELETE FROM processed_position").update();
    }

    /** The highest processed position, 0 when none is (the event store numbers events from 1). */
    long highest() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM processed_position")
                .query(Long.class)
                .single();
    }

    boolean contains(long position) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_position WHERE position = :position")
                        .param("position", position)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
