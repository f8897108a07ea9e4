package org.borderledger.query.consistency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borderledger.query.rebuild.JobTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code consistency_check} table and its {@code consistency_difference} lines. */
@Repository
class CheckRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Integer, Long>> OFFSETS = new TypeReference<>() {};
    private static final TypeReference<Map<Integer, CheckRecord.Gap>> GAPS = new TypeReference<>() {};
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> KEY = new TypeReference<>() {};
    private static final String COLUMNS = "check_id, status, requested_by, events_total, events_applied, compared_at,"
            + " position_gaps, tables_compared, rows_compared, differences_total, consistent, started_at, updated_at,"
            + " finished_at, failure";

    private final JdbcClient jdbc;
    private final JobTable rows;

    CheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new JobTable(jdbc, "consistency_check", "check_id", "events_applied", COLUMNS);
    }

    void insert(String id, String requestedBy, long eventsTotal, Instant startedAt) {
        jdbc.sql("INSERT INTO consistency_check (check_id, status, requested_by, events_total, events_applied,"
                        + " started_at, updated_at) VALUES (:id, 'RUNNING', :requestedBy, :total, 0, :at, :at)")
                .param("id", id)
                .param("requestedBy", requestedBy)
                .param("total", eventsTotal)
                .param("at", JobTable.utc(startedAt))
                .update();
    }

    /** The heartbeat of a running check. */
    void touch(String id, Instant at) {
        rows.touch(id, at);
    }

    void progress(String id, long eventsApplied, Instant at) {
        rows.progress(id, eventsApplied, at);
    }

    void addDifference(String id, int ordinal, Difference difference) {
        jdbc.sql("INSERT INTO consistency_difference (check_id, ordinal, table_name, row_key, column_name, kind,"
                        + " live_value, rebuilt_value) VALUES (:id, :ordinal, :table, :key, :column, :kind, :live,"
                        + " :rebuilt)")
                .param("id", id)
                .param("ordinal", ordinal)
                .param("table", difference.table())
                .param("key", json(difference.key()))
                .param("column", difference.column())
                .param("kind", difference.kind().name())
                .param("live", difference.live())
                .param("rebuilt", difference.rebuilt())
                .update();
    }

    /** Records the comparison of a running check; false when it was no longer running. */
    boolean complete(
            String id,
            long eventsApplied,
            Map<Integer, Long> comparedAt,
            Map<Integer, CheckRecord.Gap> positionGaps,
            TableComparison.Result comparison,
            Instant at) {
        return jdbc.sql("UPDATE consistency_check SET status = 'COMPLETED', events_applied = :applied,"
                                + " compared_at = :comparedAt, position_gaps = :positionGaps, tables_compared = :tables,"
                                + " rows_compared = :rows, differences_total = :differences, consistent = :consistent,"
                                + " updated_at = :at, finished_at = :at WHERE check_id = :id AND status = 'RUNNING'")
                        .param("applied", eventsApplied)
                        .param("comparedAt", json(comparedAt))
                        .param("positionGaps", positionGaps.isEmpty() ? null : json(positionGaps))
                        .param("tables", json(comparison.tables()))
                        .param("rows", comparison.rowsCompared())
                        .param("differences", comparison.differences())
                        .param("consistent", comparison.differences() == 0 && positionGaps.isEmpty())
                        .param("at", JobTable.utc(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Ends a running check as FAILED or INTERRUPTED; false when it was no longer running. */
    boolean fail(String id, CheckStatus status, long eventsApplied, String failure, Instant at) {
        return jdbc.sql("UPDATE consistency_check SET status = :status, events_applied = :applied, failure = :failure,"
                                + " updated_at = :at, finished_at = :at WHERE check_id = :id AND status = 'RUNNING'")
                        .param("status", status.name())
                        .param("applied", eventsApplied)
                        .param("failure", failure)
                        .param("at", JobTable.utc(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<CheckRecord> find(String id) {
        return rows.find(id, (rs, row) -> read(rs));
    }

    List<CheckRecord> latest(int limit) {
        return rows.latest(limit, (rs, row) -> read(rs));
    }

    /** The differences kept for a check, in the order they were found. */
    List<Difference> differences(String id) {
        return jdbc.sql("SELECT table_name, row_key, column_name, kind, live_value, rebuilt_value"
                        + " FROM consistency_difference WHERE check_id = :id ORDER BY ordinal")
                .param("id", id)
                .query((rs, row) -> new Difference(
                        rs.getString("table_name"),
                        fromJson(rs.getString("row_key"), KEY),
                        rs.getString("column_name"),
                        Difference.Kind.valueOf(rs.getString("kind")),
                        rs.getString("live_value"),
                        rs.getString("rebuilt_value")))
                .list();
    }

    private static CheckRecord read(ResultSet rs) throws SQLException {
        return new CheckRecord(
                rs.getString("check_id"),
                CheckStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getLong("events_total"),
                rs.getLong("events_applied"),
                fromJson(rs.getString("compared_at"), OFFSETS),
                fromJson(rs.getString("position_gaps"), GAPS),
                fromJson(rs.getString("tables_compared"), NAMES),
                rs.getObject("rows_compared", Long.class),
                rs.getObject("differences_total", Long.class),
                rs.getObject("consistent", Boolean.class),
                JobTable.instant(rs, "started_at"),
                JobTable.instant(rs, "updated_at"),
                JobTable.instant(rs, "finished_at"),
                rs.getString("failure"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T fromJson(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("consistency_check holds JSON that does not read back: " + text, e);
        }
    }
}
