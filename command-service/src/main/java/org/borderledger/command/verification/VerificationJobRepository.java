package org.borderledger.command.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.borderledger.command.evidence.TamperEvidence;
import org.borderledger.evidence.EvidenceWalk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code verification_job} table; its unique {@code running_slot} (1 while running, null after) lets one job run at
 * a time across instances.
 */
@Repository
class VerificationJobRepository {

    private static final String COLUMNS = "id, status, requested_by, events_total, events_checked, cancel_requested,"
            + " started_at, updated_at, finished_at, valid, seals_checked, broken_position, broken_aggregate_id,"
            + " broken_reason, last_seal_position, failure";

    private final JdbcTemplate jdbc;

    VerificationJobRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a running job; a {@code DuplicateKeyException} when another one runs. */
    void insert(String id, String requestedBy, long eventsTotal, Instant at) {
        jdbc.update(
                "insert into verification_job (id, status, requested_by, events_total, started_at, updated_at,"
                        + " running_slot) values (?, 'RUNNING', ?, ?, ?, ?, 1)",
                id,
                requestedBy,
                eventsTotal,
                time(at),
                time(at));
    }

    Optional<VerificationJob> find(String id) {
        return jdbc.query("select " + COLUMNS + " from verification_job where id = ?", this::job, id).stream()
                .findFirst();
    }

    List<VerificationJob> latest(int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from verification_job order by started_at desc limit ?", this::job, limit);
    }

    Optional<VerificationJob> running() {
        return jdbc.query("select " + COLUMNS + " from verification_job where status = 'RUNNING'", this::job).stream()
                .findFirst();
    }

    /** The latest job that checked the whole store to its end. */
    Optional<TamperEvidence.FullVerification> latestFinished() {
        return jdbc
                .query(
                        "select " + COLUMNS + " from verification_job where status = 'COMPLETED'"
                                + " order by finished_at desc limit 1",
                        this::job)
                .stream()
                .findFirst()
                .map(job -> new TamperEvidence.FullVerification(
                        job.id(), job.finishedAt(), Boolean.TRUE.equals(job.valid()), job.firstBroken()));
    }

    /** The heartbeat of a running job's row; false when it no longer runs (another instance ended it). */
    boolean touch(String id, Instant at) {
        return jdbc.update(
                        "update verification_job set updated_at = ? where id = ? and status = 'RUNNING'", time(at), id)
                == 1;
    }

    /** Records progress; whether a cancellation was asked for. */
    boolean progress(String id, long eventsChecked, Instant at) {
        jdbc.update(
                "update verification_job set events_checked = ?, updated_at = ? where id = ? and status = 'RUNNING'",
                eventsChecked,
                time(at),
                id);
        List<Boolean> cancel = jdbc.queryForList(
                "select cancel_requested from verification_job where id = ? and status = 'RUNNING'", Boolean.class, id);
        return cancel.isEmpty() || cancel.get(0);
    }

    /** Asks a running job to stop; false when it is not running. */
    boolean requestCancel(String id) {
        return jdbc.update(
                        "update verification_job set cancel_requested = true where id = ? and status = 'RUNNING'", id)
                == 1;
    }

    void complete(String id, EvidenceWalk.Result result, Instant at) {
        EvidenceWalk.Broken broken = result.firstBroken();
        jdbc.update(
                "update verification_job set status = 'COMPLETED', running_slot = null, events_checked = ?,"
                        + " seals_checked = ?, valid = ?, broken_position = ?, broken_aggregate_id = ?, broken_reason = ?,"
                        + " last_seal_position = ?, updated_at = ?, finished_at = ? where id = ?",
                result.eventsChecked(),
                result.sealsChecked(),
                result.valid(),
                broken == null ? null : broken.position(),
                broken == null ? null : broken.aggregateId(),
                broken == null ? null : broken.reason(),
                result.lastSeal() == null ? null : result.lastSeal().position(),
                time(at),
                time(at),
                id);
    }

    /** Ends a running job without a result; false when it was not running. */
    boolean stop(String id, VerificationJob.Status status, long eventsChecked, String failure, Instant at) {
        return jdbc.update(
                        "update verification_job set status = ?, running_slot = null, events_checked = ?, failure = ?,"
                                + " updated_at = ?, finished_at = ? where id = ? and status = 'RUNNING'",
                        status.name(),
                        eventsChecked,
                        failure,
                        time(at),
                        time(at),
                        id)
                == 1;
    }

    /** Marks a running job whose progress stopped before {@code staleBefore} interrupted; false if it moved. */
    boolean interruptIfStale(String id, Instant staleBefore, String reason, Instant at) {
        return jdbc.update(
                        "update verification_job set status = 'INTERRUPTED', running_slot = null, failure = ?,"
                                + " updated_at = ?, finished_at = ? where id = ? and status = 'RUNNING' and updated_at < ?",
                        reason,
                        time(at),
                        time(at),
                        id,
                        time(staleBefore))
                == 1;
    }

    private VerificationJob job(ResultSet rs, int row) throws SQLException {
        long brokenPosition = rs.getLong("broken_position");
        EvidenceWalk.Broken broken = rs.wasNull()
                ? null
                : new EvidenceWalk.Broken(
                        brokenPosition, rs.getString("broken_aggregate_id"), rs.getString("broken_reason"));
        return new VerificationJob(
                rs.getString("id"),
                VerificationJob.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getLong("events_total"),
                rs.getLong("events_checked"),
                rs.getBoolean("cancel_requested"),
                instant(rs, "started_at"),
                instant(rs, "updated_at"),
                instant(rs, "finished_at"),
                (Boolean) rs.getObject("valid"),
                (Long) rs.getObject("seals_checked"),
                broken,
                (Long) rs.getObject("last_seal_position"),
                rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
