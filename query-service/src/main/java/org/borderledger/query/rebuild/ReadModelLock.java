package org.borderledger.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.borderledger.operations.jobs.JobSlot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One job on the read models at a time (a replay, or a consistency check, which must not compare tables a replay is
 * rebuilding), across every instance sharing the database: the single row of {@code read_model_lock}. The holder
 * renews its heartbeat while it runs; a holder whose heartbeat is older than {@code staleAfter} died and is replaced.
 * A second row ({@code read-models-ended}) keeps the last job that gave the lock back and when, for the cooldown between
 * jobs. Statements run outside any transaction: a failed insert must not abort one.
 */
@Component
public class ReadModelLock {

    /** The kinds of job that hold the lock. */
    public enum Kind {
        REPLAY,
        CONSISTENCY_CHECK
    }

    /** Who holds the lock, and when it last said it was alive. */
    public record Holder(Kind kind, String jobId, Instant heartbeatAt) {

        public boolean staleAt(Instant now, Duration staleAfter) {
            return heartbeatAt.plus(staleAfter).isBefore(now);
        }
    }

    private static final String LOCK = "read-models";
    private static final String ENDED = "read-models-ended";

    private final JdbcClient jdbc;

    ReadModelLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lock for {@code jobId}, replacing a holder that went stale.
     *
     * @return empty when taken, else the job holding it
     */
    public Optional<Holder> acquire(Kind kind, String jobId, Instant now, Duration staleAfter) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.sql("INSERT INTO read_model_lock (lock_name, job_kind, job_id, heartbeat_at)"
                                + " VALUES (:lock, :kind, :jobId, :now)")
                        .param("lock", LOCK)
                        .param("kind", kind.name())
                        .param("jobId", jobId)
                        .param("now", utc(now))
                        .update();
                return Optional.empty();
            } catch (DuplicateKeyException held) {
                Optional<Holder> holder = holder();
                if (holder.isEmpty()) {
                    continue;
                }
                if (!holder.get().staleAt(now, staleAfter)) {
                    return holder;
                }
                jdbc.sql("DELETE FROM read_model_lock WHERE lock_name = :lock AND job_id = :jobId")
                        .param("lock", LOCK)
                        .param("jobId", holder.get().jobId())
                        .update();
            }
        }
        return holder();
    }

    /** Renews the heartbeat; false when {@code jobId} no longer holds the lock (it went stale and was replaced). */
    public boolean heartbeat(String jobId, Instant now) {
        return jdbc.sql("UPDATE read_model_lock SET heartbeat_at = :now WHERE lock_name = :lock AND job_id = :jobId")
                        .param("now", utc(now))
                        .param("lock", LOCK)
                        .param("jobId", jobId)
                        .update()
                == 1;
    }

    /** Gives the lock of {@code jobId} back, and notes when (the cooldown runs from then), when it held it. */
    public void release(String jobId, Instant now) {
        Optional<Holder> holder = holder().filter(held -> held.jobId().equals(jobId));
        if (delete(jobId) == 1) {
            jdbc.sql("INSERT INTO read_model_lock (lock_name, job_kind, job_id, heartbeat_at) VALUES (:ended, :kind,"
                            + " :jobId, :now) ON CONFLICT (lock_name) DO UPDATE SET job_kind = EXCLUDED.job_kind,"
                            + " job_id = EXCLUDED.job_id, heartbeat_at = EXCLUDED.heartbeat_at")
                    .param("ended", ENDED)
                    .param("kind", holder.map(Holder::kind).orElse(Kind.REPLAY).name())
                    .param("jobId", jobId)
                    .param("now", utc(now))
                    .update();
        }
    }

    private int delete(String jobId) {
        return jdbc.sql("DELETE FROM read_model_lock WHERE lock_name = :lock AND job_id = :jobId")
                .param("lock", LOCK)
                .param("jobId", jobId)
                .update();
    }

    /** When the last job gave the lock back. */
    public Optional<Instant> lastEnded() {
        return jdbc.sql("SELECT heartbeat_at FROM read_model_lock WHERE lock_name = :ended")
                .param("ended", ENDED)
                .query((rs, row) ->
                        rs.getObject("heartbeat_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    /**
     * The lock as the slot of {@code kind}'s jobs: taken unless another job holds it ({@link ReadModelsBusy}) or the
     * last one ended within the cooldown ({@link ReadModelsCoolingDown}).
     */
    JobSlot slot(Kind kind, RebuildProperties properties) {
        return new JobSlot() {
            @Override
            public void take(String jobId, Instant now) {
                Optional<Holder> running = holder().filter(held -> !held.staleAt(now, properties.staleAfter()));
                if (running.isPresent()) {
                    throw new ReadModelsBusy(running.get());
                }
                Optional<Instant> nextAllowed = lastEnded().map(ended -> ended.plus(properties.cooldown()));
                if (nextAllowed.isPresent() && nextAllowed.get().isAfter(now)) {
                    throw new ReadModelsCoolingDown(Duration.between(now, nextAllowed.get()), properties.cooldown());
                }
                acquire(kind, jobId, now, properties.staleAfter()).ifPresent(holder -> {
                    throw new ReadModelsBusy(holder);
                });
            }

            @Override
            public boolean renew(String jobId, Instant now) {
                return heartbeat(jobId, now);
            }

            @Override
            public void release(String jobId, Instant now) {
                ReadModelLock.this.release(jobId, now);
            }

            /** A job that never started (its topic could not be read) starts no cooldown. */
            @Override
            public void releaseUnstarted(String jobId, Instant now) {
                delete(jobId);
            }
        };
    }

    public Optional<Holder> holder() {
        return jdbc.sql("SELECT job_kind, job_id, heartbeat_at FROM read_model_lock WHERE lock_name = :lock")
                .param("lock", LOCK)
                .query((rs, row) -> new Holder(
                        Kind.valueOf(rs.getString("job_kind")),
                        rs.getString("job_id"),
                        rs.getObject("heartbeat_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
