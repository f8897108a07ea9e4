package org.borderledger.command.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event store's positions, read in the caller's transaction when there is one. The position of an event is its
 * {@code global_index}; positions grow with every append but may commit out of order, so a position below the head can
 * still appear until the transaction that took it commits or rolls back.
 */
@Component
public class StorePositions {

    /** The tracking processor that publishes the store to Kafka; its token is the outbox cursor. */
    public static final String PUBLISHER = "kafka-publisher";

    private static final Logger log = LoggerFactory.getLogger(StorePositions.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public StorePositions(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The same positions read through another data source, inside that data source's current transaction. */
    public StorePositions on(DataSource dataSource) {
        return new StorePositions(JdbcClient.create(dataSource), serializer);
    }

    /** The highest position in the store (0 when it is empty). */
    public long head() {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    /** The highest position of one aggregate's events, if it has any. */
    public OptionalLong lastOf(String aggregateId) {
        return jdbc.sql("SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId)
                .query(rs -> {
                    rs.next();
                    long last = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(last);
                });
    }

    /** The positions of the given events, by event identifier; an identifier not in the store is absent. */
    public Map<String, Long> of(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        if (eventIdentifiers.isEmpty()) {
            return positions;
        }
        jdbc.sql("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN (:ids)")
                .param("ids", eventIdentifiers)
                .query((rs, row) -> positions.put(rs.getString(1), rs.getLong(2)))
                .list();
        return positions;
    }

    /**
     * The highest position the publisher's token has seen: every event up to it was published except those of
     * transactions that had not committed then (the token's gaps).
     */
    public OptionalLong publishedUpTo() {
        return publisherTokens().stream()
                .map(TrackingToken::position)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max();
    }

    /** The position up to which the publisher's token leaves no gap: every event up to it was published. */
    public OptionalLong publishedWithoutGaps() {
        return publisherTokens().stream()
                .map(WrappedToken::unwrapLowerBound)
                .map(TrackingToken::position)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    /** The publisher's tokens, one per segment; a token that cannot be read is left out (and logged). */
    private List<TrackingToken> publisherTokens() {
        return jdbc
                .sql("SELECT token, token_type FROM token_entry WHERE processor_name = :name AND token IS NOT NULL")
                .param("name", PUBLISHER)
                .query((rs, row) -> token(rs.getBytes("token"), rs.getString("token_type")))
                .list()
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<TrackingToken> token(byte[] token, String tokenType) {
        try {
            return Optional.ofNullable(
                    serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null)));
        } catch (RuntimeException e) {
            log.warn("The {} token of type {} cannot be read: {}", PUBLISHER, tokenType, e.toString());
            return Optional.empty();
        }
    }
}
