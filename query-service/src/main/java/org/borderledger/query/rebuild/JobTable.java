package org.borderledger.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements every job table (one row per replay or check) shares: the heartbeat and the progress of a running
 * job, one job by id, and the latest jobs.
 *
 * @param idColumn the job id's column
 * @param countColumn the column counting the records the job has got through
 * @param columns the columns a job is read from
 */
public record JobTable(JdbcClient jdbc, String table, String idColumn, String countColumn, String columns) {

    /** The heartbeat of a running job. */
    public void touch(String id, Instant at) {
        jdbc.sql("UPDATE " + table + " SET updated_at = :at WHERE " + idColumn + " = :id AND status = 'RUNNING'")
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    public void progress(String id, long count, Instant at) {
        jdbc.sql("UPDATE " + table + " SET " + countColumn + " = :count, updated_at = :at WHERE " + idColumn
                        + " = :id AND status = 'RUNNING'")
                .param("count", count)
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    public <T> Optional<T> find(String id, RowMapper<T> read) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE " + idColumn + " = :id")
                .param("id", id)
                .query(read)
                .optional();
    }

    /** The latest jobs, newest first. */
    public <T> List<T> latest(int limit, RowMapper<T> read) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " ORDER BY started_at DESC, " + idColumn
                        + " LIMIT :limit")
                .param("limit", limit)
                .query(read)
                .list();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
