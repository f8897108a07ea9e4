package org.borderledger.query.fact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code fact_line} ({@link FactProjection} writes it). */
@Repository
class FactLineRepository {

    static final String COLUMNS = "aggregate_id, sequence_number, event_position, event_type, aggregate_type,"
            + " business_date, amount, previous_amount, submitter, unit, side, province, recorded_at, payload";

    private final JdbcClient jdbc;

    FactLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One aggregate's facts in the order they happened to it. */
    List<FactLine> timeline(String aggregateId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fact_line WHERE aggregate_id = :id"
                        + " ORDER BY sequence_number LIMIT :limit OFFSET :offset")
                .param("id", aggregateId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs))
                .list();
    }

    long count(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM fact_line WHERE aggregate_id = :id")
                .param("id", aggregateId)
                .query(Long.class)
                .single();
    }

    static FactLine read(ResultSet rs) throws SQLException {
        OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
        return new FactLine(
                rs.getString("aggregate_id"),
                rs.getLong("sequence_number"),
                rs.getObject("event_position", Long.class),
                rs.getString("event_type"),
                rs.getString("aggregate_type"),
                rs.getObject("business_date", LocalDate.class),
                rs.getObject("amount", Long.class),
                rs.getObject("previous_amount", Long.class),
                rs.getString("submitter"),
                rs.getString("unit"),
                rs.getString("side"),
                rs.getString("province"),
                recordedAt == null ? null : recordedAt.toInstant(),
                rs.getString("payload"));
    }
}
