package org.borderledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_key} table: per submitter, each key with the request it answered (as a hash of the write's
 * type, target and body) and the answer.
 */
@Repository
class IdempotencyKeyRepository {

    record Answered(String requestHash, String aggregateId, Long position) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotencyKeyRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** What a key remembers of the request it answered: the SHA-256 of the write's type, its target and its body. */
    String requestHash(String type, String target, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((type + "\n" + target + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }

    Optional<Answered> find(String submitter, String key) {
        return jdbc.sql("select request_hash, aggregate_id, position from idempotency_key"
                        + " where submitter = ? and idempotency_key = ?")
                .params(submitter, key)
                .query((rs, row) -> new Answered(
                        rs.getString("request_hash"), rs.getString("aggregate_id"), (Long) rs.getObject("position")))
                .optional();
    }

    /** Claims the key; a concurrent claim of the same key waits here until the first commits, then fails. */
    void claim(String submitter, String key, String requestHash) {
        jdbc.sql("insert into idempotency_key (submitter, idempotency_key, request_hash, recorded_at)"
                        + " values (?, ?, ?, ?)")
                .params(submitter, key, requestHash, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    void answer(String submitter, String key, Accepted accepted) {
        jdbc.sql(
                        "update idempotency_key set aggregate_id = ?, position = ? where submitter = ? and idempotency_key = ?")
                .params(accepted.id(), accepted.position(), submitter, key)
                .update();
    }
}
