package org.borderledger.command.publish;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.borderledger.operations.jobs.JobSlot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code republication} rows and the lock that lets one run at a time. */
@Repository
class RepublicationRepository {

    private static final String LOCK = "republication";
    private static final String COLUMNS = "republication_id, status, requested_by, from_position, to_position,"
            + " events_total, events_published, last_position, started_at, updated_at, finished_at, failure";

    private final JdbcClient jdbc;

    RepublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock for {@code id}, replacing a holder whose heartbeat is older than {@code staleAfter}. */
    Optional<String> acquire(String id, Instant now, Duration staleAfter) {
        jdbc.sql("DELETE FROM republication_lock WHERE lock_name = :lock AND heartbeat_at < :stale")
                .param("lock", LOCK)
                .param("stale", utc(now.minus(staleAfter)))
                .update();
        try {
            jdbc.sql("INSERT INTO republication_lock (lock_name, republication_id, heartbeat_at) VALUES (:lock, :id,"
                            + " :now)")
                    .param("lock", LOCK)
                    .param("id", id)
                    .param("now", utc(now))
                    .update();
            return Optional.empty();
        } catch (DuplicateKeyException held) {
            return jdbc.sql("SELECT republication_id FROM republication_lock WHERE lock_name = :lock")
                    .param("lock", LOCK)
                    .query(String.class)
                    .optional()
                    .or(() -> Optional.of("unknown"));
        }
    }

    void release(String id) {
        jdbc.sql("DELETE FROM republication_lock WHERE lock_name = :lock AND republication_id = :id")
                .param("lock", LOCK)
                .param("id", id)
                .update();
    }

    /** The lock as the slot of re-publications: {@link RepublicationBusy} while another one holds it. */
    JobSlot slot(Duration staleAfter) {
        return new JobSlot() {
            @Override
            public void take(String jobId, Instant now) {
                acquire(jobId, now, staleAfter).ifPresent(holder -> {
                    throw new RepublicationBusy(holder);
                });
            }

            @Override
            public boolean renew(String jobId, Instant now) {
                return jdbc.sql("UPDATE republication_lock SET heartbeat_at = :now WHERE lock_name = :lock"
                                        + " AND republication_id = :id")
                                .param("now", utc(now))
                                .param("lock", LOCK)
                                .param("id", jobId)
                                .update()
                        == 1;
            }

            @Override
            public void release(String jobId, Instant now) {
                RepublicationRepository.this.release(jobId);
            }
        };
    }

    /** The heartbeat of a running re-publication's row. */
    void touch(String id, Instant now) {
        jdbc.sql("UPDATE republication SET updated_at = :now WHERE republication_id = :id AND status = 'RUNNING'")
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void insert(Republication republication) {
        jdbc.sql("INSERT INTO republication (" + COLUMNS + ") VALUES (:id, :status, :by, :from, :to, :total, 0, NULL,"
                        + " :now, :now, NULL, NULL)")
                .param("id", republication.id())
                .param("status", republication.status().name())
                .param("by", republication.requestedBy())
                .param("from", republication.fromPosition())
                .param("to", republication.toPosition())
                .param("total", republication.eventsTotal())
                .param("now", utc(republication.startedAt()))
                .update();
    }

    /** Records progress and renews the heartbeat of the row and of the lock. */
    void progress(String id, long published, long lastPosition, Instant now) {
        jdbc.sql("UPDATE republication SET events_published = :published, last_position = :last, updated_at = :now"
                        + " WHERE republication_id = :id")
                .param("published", published)
                .param("last", lastPosition)
                .param("now", utc(now))
                .param("id", id)
                .update();
        jdbc.sql("UPDATE republication_lock SET heartbeat_at = :now WHERE republication_id = :id")
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void finish(String id, Republication.Status status, String failure, Instant now) {
        jdbc.sql("UPDATE republication SET status = :status, failure = :failure, updated_at = :now, finished_at = :now"
                        + " WHERE republication_id = :id AND status = 'RUNNING'")
                .param("status", status.name())
                .param("failure", failure)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    Optional<Republication> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM republication WHERE republication_id = :id")
                .param("id", id)
                .query((rs, row) -> read(rs))
                .optional();
    }

    List<Republication> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM republication ORDER BY started_at DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> read(rs))
                .list();
    }

    private static Republication read(ResultSet rs) throws SQLException {
        long last = rs.getLong("last_position");
        Long lastPosition = rs.wasNull() ? null : last;
        return new Republication(
                rs.getString("republication_id"),
                Republication.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getLong("from_position"),
                rs.getLong("to_position"),
                rs.getLong("events_total"),
                rs.getLong("events_published"),
                lastPosition,
                instant(rs, "started_at"),
                instant(rs, "updated_at"),
                instant(rs, "finished_at"),
                rs.getString("failure"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
