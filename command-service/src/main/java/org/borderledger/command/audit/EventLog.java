package org.borderledger.command.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code domain_event_entry} for auditors, streaming: a cursor with a fetch size inside a read-only
 * transaction (PostgreSQL only streams a result with auto-commit off), so the store's size never matters. The
 * metadata is JSON bytes, so filtering by unit happens in Java, not in SQL.
 */
@Repository
class EventLog {

    static final int FETCH_SIZE = 500;

    /** The outbox's tracking processor: its token is the highest position sent to Kafka. */
    static final String PUBLISHER = "kafka-publisher";

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);

    private static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data";

    private static final RowMapper<StoredEvent> ROW = (rs, row) -> new StoredEvent(
            rs.getLong("global_index"),
            rs.getString("event_identifier"),
            rs.getString("aggregate_identifier"),
            rs.getString("type"),
            rs.getLong("sequence_number"),
            rs.getString("time_stamp"),
            rs.getString("payload_type"),
            rs.getString("payload_revision"),
            rs.getBytes("payload"),
            rs.getBytes("meta_data"));

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate snapshot;

    EventLog(DataSource dataSource, PlatformTransactionManager transactions, Serializer serializer) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Hands {@code reader} the matching events in global order, inside a read-only transaction. */
    <T> T read(EventQuery query, Function<Stream<StoredEvent>, T> reader) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from domain_event_entry where 1 = 1");
        if (query.afterPosition() != null) {
            sql.append(" and global_index > ?");
            parameters.add(query.afterPosition());
        }
        if (query.aggregateId() != null) {
            sql.append(" and aggregate_identifier = ?");
            parameters.add(query.aggregateId());
        }
        if (query.type() != null) {
            sql.append(" and payload_type = ?");
            parameters.add(query.type());
        }
        // time_stamp is Axon's fixed-width ISO-8601 text (UTC, milliseconds): its text order is its time order
        if (query.from() != null) {
            sql.append(" and time_stamp >= ?");
            parameters.add(DateTimeUtils.formatInstant(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and time_stamp < ?");
            parameters.add(DateTimeUtils.formatInstant(query.to()));
        }
        sql.append(" order by global_index");
        return readOnly.execute(status -> {
            try (Stream<StoredEvent> events = jdbc.queryForStream(sql.toString(), ROW, parameters.toArray())) {
                Stream<StoredEvent> matching = query.unit() == null
                        ? events
                        : events.filter(event -> query.unit().equals(AuditedEvent.unitOf(event.metaData())));
                return reader.apply(matching);
            }
        });
    }

    /** Every event of one aggregate in sequence order. */
    List<StoredEvent> history(String aggregateId) {
        return readOnly.execute(status -> jdbc.query(
                "select " + COLUMNS
                        + " from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                ROW,
                aggregateId));
    }

    /**
     * Hands {@code reader} every event in global order, every seal and the highest published position, from one
     * snapshot of the database (repeatable read), so a seal written meanwhile never meets an event list that lacks its
     * events.
     */
    <T> T readAllWithSeals(SealedReader<T> reader) {
        return snapshot.execute(status -> {
            OptionalLong published = publishedPosition();
            try (Stream<EventSeals.Seal> seals = jdbc.queryForStream(
                            "select " + EventSeals.SEAL_COLUMNS + " from event_seal order by position",
                            EventSeals.SEAL);
                    Stream<StoredEvent> events = jdbc.queryForStream(
                            "select " + COLUMNS + " from domain_event_entry order by global_index", ROW)) {
                return reader.read(events, seals, published);
            }
        });
    }

    /**
     * The highest position the {@code kafka-publisher} processor has published (its token, in this database); empty
     * before it published anything.
     */
    OptionalLong publishedPosition() {
        List<OptionalLong> positions = jdbc.query(
                "select token, token_type from token_entry where processor_name = ? and token is not null",
                (rs, row) -> position(rs.getBytes("token"), rs.getString("token_type")),
                PUBLISHER);
        return positions.stream()
                .filter(OptionalLong::isPresent)
                .max(Comparator.comparingLong(OptionalLong::getAsLong))
                .orElse(OptionalLong.empty());
    }

    private OptionalLong position(byte[] token, String tokenType) {
        try {
            TrackingToken tracking =
                    serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
            return tracking == null ? OptionalLong.empty() : tracking.position();
        } catch (RuntimeException unreadable) {
            log.warn("The {} token of type {} cannot be read; verify does not compare it", PUBLISHER, tokenType);
            return OptionalLong.empty();
        }
    }

    @FunctionalInterface
    interface SealedReader<T> {
        T read(Stream<StoredEvent> events, Stream<EventSeals.Seal> seals, OptionalLong published);
    }
}
