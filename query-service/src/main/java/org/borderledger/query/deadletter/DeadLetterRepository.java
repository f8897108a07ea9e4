package org.borderledger.query.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.codec.RecordRejection;
import org.borderledger.codec.TopicRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code dead_letter} table: parking, the parked sequences, and the admin's decisions. */
@Repository
public class DeadLetterRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "letter_id, sequence_id, claimed_sequence, topic, record_partition,"
            + " record_offset, record_timestamp, record_key, record_headers, record_value, record_digest, event_id,"
            + " event_type, kind, reason, status, attempts, parked_at, last_attempt_at, discarded_at, discarded_by,"
            + " discard_reason";

    private final JdbcClient jdbc;

    DeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Parks {@code record} unless the same record (same place, same digest) is parked already or was discarded.
     *
     * @return whether the record was parked now (false: it was there already, or an admin discarded it)
     */
    boolean park(TopicRecord record, RecordRejection.Kind kind, String reason, Instant now) {
        String digest = record.digest();
        return jdbc.sql("INSERT INTO dead_letter (sequence_id, claimed_sequence, topic, record_partition,"
                                + " record_offset, record_timestamp, record_key, record_headers, record_value,"
                                + " record_digest, event_id, event_type, kind, reason, status, attempts, parked_at)"
                                + " SELECT :sequence, :claimed, :topic, :partition, :offset, :timestamp, :key, :headers,"
                                + " :value, :digest, :eventId, :eventType, :kind, :reason, 'PARKED', 0, :now"
                                + " WHERE NOT EXISTS (SELECT 1 FROM dead_letter WHERE topic = :topic"
                                + " AND record_partition = :partition AND record_offset = :offset"
                                + " AND record_digest = :digest)")
                        .param("sequence", LedgerRecords.sequenceOf(record))
                        .param("claimed", claimedSequence(record))
                        .param("topic", record.topic())
                        .param("partition", record.partition())
                        .param("offset", record.offset())
                        .param("timestamp", record.timestamp())
                        .param("key", record.key())
                        .param("headers", headers(record))
                        .param("value", record.value())
                        .param("digest", digest)
                        .param("eventId", record.header("ce_id").orElse(null))
                        .param("eventType", record.header("ce_type").orElse(null))
                        .param("kind", kind.name())
                        .param("reason", reason)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** The sequences (aggregate ids) that have a parked record: their later records wait. */
    Set<String> parkedSequences() {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT sequence_id FROM dead_letter WHERE status = 'PARKED'")
                .query(String.class)
                .list());
    }

    /**
     * Whether a record of {@code sequence} that comes before {@code record} is parked, locking those records until the
     * transaction ends: a retry of that sequence in another transaction either finished before (and its deletions are
     * seen) or waits for this one. A parked record at or after {@code record}'s place in its partition does not hold
     * {@code record} back: a record delivered again after a later one was parked is applied (the projections are
     * idempotent), not parked.
     */
    boolean lockParkedBefore(String sequence, TopicRecord record) {
        return !jdbc.sql("SELECT letter_id FROM dead_letter WHERE status = 'PARKED' AND sequence_id = :sequence"
                        + " AND NOT (topic = :topic AND record_partition = :partition AND record_offset >= :offset)"
                        + " FOR UPDATE")
                .param("sequence", sequence)
                .param("topic", record.topic())
                .param("partition", record.partition())
                .param("offset", record.offset())
                .query(Long.class)
                .list()
                .isEmpty();
    }

    /** The parked records of {@code sequence} in the order a retry applies them, locked until the transaction ends. */
    List<DeadLetter> lockedParked(String sequence) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE status = 'PARKED' AND sequence_id = :sequence"
                        + " ORDER BY CASE WHEN claimed_sequence IS NULL THEN 1 ELSE 0 END, claimed_sequence,"
                        + " letter_id FOR UPDATE")
                .param("sequence", sequence)
                .query((rs, row) -> read(rs))
                .list();
    }

    /** Whether this exact record was discarded by an admin. */
    public boolean discarded(TopicRecord record) {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE status = 'DISCARDED' AND topic = :topic"
                                + " AND record_partition = :partition AND record_offset = :offset"
                                + " AND record_digest = :digest")
                        .param("topic", record.topic())
                        .param("partition", record.partition())
                        .param("offset", record.offset())
                        .param("digest", record.digest())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The places and digests of every parked record of {@code topic}, {@code partition-offset} to digest. */
    public Map<String, String> parkedPlaces(String topic) {
        return jdbc
                .sql("SELECT record_partition, record_offset, record_digest FROM dead_letter"
                        + " WHERE status = 'PARKED' AND topic = :topic")
                .param("topic", topic)
                .query((rs, row) -> Map.entry(
                        place(rs.getInt("record_partition"), rs.getLong("record_offset")),
                        rs.getString("record_digest")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    public static String place(int partition, long offset) {
        return partition + "-" + offset;
    }

    long countParked() {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE status = 'PARKED'")
                .query(Long.class)
                .single();
    }

    Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE letter_id = :id")
                .param("id", id)
                .query((rs, row) -> read(rs))
                .optional();
    }

    List<DeadLetter> list(DeadLetter.Status status, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE status = :status ORDER BY letter_id"
                        + " LIMIT :limit OFFSET :offset")
                .param("status", status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs))
                .list();
    }

    long count(DeadLetter.Status status) {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    List<String> parkedSequenceList() {
        return jdbc.sql("SELECT DISTINCT sequence_id FROM dead_letter WHERE status = 'PARKED' ORDER BY sequence_id")
                .query(String.class)
                .list();
    }

    void applied(long id) {
        jdbc.sql("DELETE FROM dead_letter WHERE letter_id = :id")
                .param("id", id)
                .update();
    }

    void stillFailing(long id, RecordRejection.Kind kind, String reason, Instant now) {
        jdbc.sql("UPDATE dead_letter SET kind = :kind, reason = :reason, attempts = attempts + 1,"
                        + " last_attempt_at = :now WHERE letter_id = :id")
                .param("kind", kind.name())
                .param("reason", reason)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    boolean discard(long id, String by, String reason, Instant now) {
        return jdbc.sql("UPDATE dead_letter SET status = 'DISCARDED', discarded_at = :now, discarded_by = :by,"
                                + " discard_reason = :reason WHERE letter_id = :id AND status = 'PARKED'")
                        .param("now", utc(now))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Before a replay: parked records are read again from the topic; discarded ones stay discarded. */
    public void clearParked() {
        jdbc.sql("DELETE FROM dead_letter WHERE status = 'PARKED'").update();
    }

    private static Long claimedSequence(TopicRecord record) {
        try {
            return record.header("ce_" + LedgerCloudEvents.AGGREGATE_SEQUENCE)
                    .map(String::trim)
                    .map(Long::valueOf)
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String headers(TopicRecord record) {
        List<Map<String, String>> headers = record.headers().stream()
                .map(header -> Map.of(
                        "name",
                        header.name(),
                        "value",
                        header.value() == null ? "" : Base64.getEncoder().encodeToString(header.value())))
                .toList();
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write record headers as JSON", e);
        }
    }

    private static List<TopicRecord.Header> headers(String json) {
        try {
            List<Map<String, String>> headers = JSON.readValue(json, new TypeReference<>() {});
            return headers.stream()
                    .map(header -> new TopicRecord.Header(
                            header.get("name"), Base64.getDecoder().decode(header.get("value"))))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead_letter holds headers that do not read back: " + json, e);
        }
    }

    private static DeadLetter read(ResultSet rs) throws SQLException {
        long claimed = rs.getLong("claimed_sequence");
        Long claimedSequence = rs.wasNull() ? null : claimed;
        TopicRecord record = new TopicRecord(
                rs.getString("topic"),
                rs.getInt("record_partition"),
                rs.getLong("record_offset"),
                rs.getLong("record_timestamp"),
                rs.getString("record_key"),
                headers(rs.getString("record_headers")),
                rs.getBytes("record_value"));
        return new DeadLetter(
                rs.getLong("letter_id"),
                rs.getString("sequence_id"),
                claimedSequence,
                record,
                rs.getString("record_digest"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                RecordRejection.Kind.valueOf(rs.getString("kind")),
                rs.getString("reason"),
                DeadLetter.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "parked_at"),
                instant(rs, "last_attempt_at"),
                instant(rs, "discarded_at"),
                rs.getString("discarded_by"),
                rs.getString("discard_reason"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
