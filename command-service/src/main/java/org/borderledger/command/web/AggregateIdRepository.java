package org.borderledger.command.web;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which aggregate type holds an id, from the event store's {@code type} column of the aggregate's first event. Checked
 * before a creating write is dispatched, so that the refusal names what already holds the id; the store's unique
 * (aggregate id, sequence number) key still decides between two concurrent creations.
 */
@Repository
class AggregateIdRepository {

    private final JdbcClient jdbc;

    AggregateIdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> typeOf(String aggregateId) {
        return jdbc.sql("select type from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")
                .param(aggregateId)
                .query(String.class)
                .optional();
    }

    void requireUnused(String aggregateId) {
        typeOf(aggregateId).ifPresent(type -> {
            throw new AlreadyExists(aggregateId, type);
        });
    }
}
