package org.borderledger.query.position;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code processed_position} table: one row per event position the projections have committed
 * ({@link PositionProjection} writes it).
 */
@Repository
class ProcessedPositionRepository {

    private final JdbcClient jdbc;

    ProcessedPositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
