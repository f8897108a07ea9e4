package org.borderledger.command.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table: per submitter, each key with the request it answered and the answer. */
@Repository
class IdempotencyKeys {

    record Answered(String requestHash, String aggregateId, Long position) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    void claim(String submitter, String key, String requestHash, Instant now) {
        jdbc.sql("insert into idempotency_key (submitter, idempotency_key, request_hash, recorded_at)"
                        + " values (?, ?, ?, ?)")
                .params(submitter, key, requestHash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    void answer(String submitter, String key, Accepted accepted) {
        jdbc.sql(
                        "update idempotency_key set aggregate_id = ?, position = ? where submitter = ? and idempotency_key = ?")
                .params(accepted.id(), accepted.position(), submitter, key)
                .update();
    }
}
