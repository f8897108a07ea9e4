package org.borderledger.query.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.borderledger.query.rebuild.JobTable;
import org.borderledger.query.rebuild.TopicSpan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code read_model_replay} table: one row per replay, its progress kept current while it runs. */
@Repository
class ReplayRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "replay_id, status, requested_by, events_total, events_processed,"
            + " topic_span, started_at, reset_at, updated_at, finished_at, failure";

    private final JdbcClient jdbc;
    private final JobTable rows;

    ReplayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new JobTable(jdbc, "read_model_replay", "replay_id", "events_processed", COLUMNS);
    }

    void insert(ReplayRecord replay) {
        jdbc.sql("INSERT INTO read_model_replay (" + COLUMNS + ") VALUES (:id, :status, :requestedBy, :total,"
                        + " :processed, :span, :startedAt, NULL, :startedAt, NULL, NULL)")
                .param("id", replay.id())
                .param("status", replay.status().name())
                .param("requestedBy", replay.requestedBy())
                .param("total", replay.eventsTotal())
                .param("processed", replay.eventsProcessed())
                .param("span", json(replay.span()))
                .param("startedAt", JobTable.utc(replay.startedAt()))
                .update();
    }

    void markReset(String id, Instant at) {
        jdbc.sql("UPDATE read_model_replay SET reset_at = :at, updated_at = :at WHERE replay_id = :id")
                .param("at", JobTable.utc(at))
                .param("id", id)
                .update();
    }

    /** The heartbeat of a running replay. */
    void touch(String id, Instant at) {
        rows.touch(id, at);
    }

    void progress(String id, long processed, Instant at) {
        rows.progress(id, processed, at);
    }

    /** Ends a running replay; false when it was no longer running (marked interrupted meanwhile). */
    boolean finish(String id, ReplayStatus status, long processed, String failure, Instant at) {
        return jdbc.sql("UPDATE read_model_replay SET status = :status, events_processed = :processed,"
                                + " failure = :failure, updated_at = :at, finished_at = :at"
                                + " WHERE replay_id = :id AND status = 'RUNNING'")
                        .param("status", status.name())
                        .param("processed", processed)
                        .param("failure", failure)
                        .param("at", JobTable.utc(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Marks a replay whose heartbeat stopped as interrupted; false when it was no longer running. */
    boolean interrupt(String id, String failure, Instant at) {
        return jdbc.sql("UPDATE read_model_replay SET status = 'INTERRUPTED', failure = :failure, finished_at = :at"
                                + " WHERE replay_id = :id AND status = 'RUNNING'")
                        .param("failure", failure)
                        .param("at", JobTable.utc(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<ReplayRecord> find(String id) {
        return rows.find(id, (rs, row) -> read(rs));
    }

    /** The latest replays, newest first. */
    List<ReplayRecord> latest(int limit) {
        return rows.latest(limit, (rs, row) -> read(rs));
    }

    private static ReplayRecord read(ResultSet rs) throws SQLException {
        return new ReplayRecord(
                rs.getString("replay_id"),
                ReplayStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getLong("events_total"),
                rs.getLong("events_processed"),
                span(rs.getString("topic_span")),
                JobTable.instant(rs, "started_at"),
                JobTable.instant(rs, "reset_at"),
                JobTable.instant(rs, "updated_at"),
                JobTable.instant(rs, "finished_at"),
                rs.getString("failure"));
    }

    private static String json(TopicSpan span) {
        try {
            return JSON.writeValueAsString(span);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + span + " as JSON", e);
        }
    }

    private static TopicSpan span(String json) {
        try {
            return JSON.readValue(json, TopicSpan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read_model_replay holds a topic span that does not read back: " + json, e);
        }
    }
}
