package org.borderledger.command.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.borderledger.command.evidence.EventSealRepository;
import org.borderledger.command.store.StorePositions;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code domain_event_entry} for auditors, streaming: a cursor with a fetch size inside a read-only
 * transaction (PostgreSQL only streams a result with auto-commit off), so the store's size never matters. The
 * metadata is JSON bytes, so filtering by unit happens in Java, not in SQL.
 */
@Repository
public class EventLogRepository {

    static final int FETCH_SIZE = 500;

    private static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data";

    private static final String PREFIXED_COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier,"
            + " e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

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
    private final JdbcTemplate queryJdbc;
    private final JdbcTemplate streamJdbc;
    private final TransactionTemplate queryReadOnly;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate streamSnapshot;
    private final StorePositions positions;
    private final StorePositions streamPositions;

    EventLogRepository(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            AuditQueries queries,
            AuditConnections streamConnections,
            StorePositions positions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.queryJdbc = new JdbcTemplate(queries.dataSource());
        this.queryJdbc.setFetchSize(FETCH_SIZE);
        this.streamJdbc = new JdbcTemplate(streamConnections.dataSource());
        this.streamJdbc.setFetchSize(FETCH_SIZE);
        this.queryReadOnly = readOnly(queries.transactions(), false);
        this.snapshot = readOnly(transactions, true);
        this.streamSnapshot = readOnly(streamConnections.transactions(), true);
        this.positions = positions;
        this.streamPositions = positions.on(streamConnections.dataSource());
    }

    private static TransactionTemplate readOnly(PlatformTransactionManager transactions, boolean repeatable) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        if (repeatable) {
            template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        }
        return template;
    }

    /** Hands {@code reader} a page's worth of matching events in global order, on the audit queries' connections. */
    <T> T read(EventQuery query, Function<Stream<StoredEvent>, T> reader) {
        return read(query, reader, queryJdbc, queryReadOnly);
    }

    /**
     * Hands {@code reader} every matching event in global order and, when the query selects the whole store from its
     * {@code afterPosition} on, every seal after that position, from one snapshot (repeatable read) on the audit
     * streams' own connections, so that long streams never take a connection the writes need.
     */
    <T> T stream(EventQuery query, StreamReader<T> reader) {
        return streamSnapshot.execute(status -> {
            long after = query.afterPosition() == null ? 0 : query.afterPosition();
            try (Stream<Seal> seals = query.wholeStore()
                    ? streamJdbc.queryForStream(
                            "select " + EventSealRepository.SEAL_COLUMNS
                                    + " from event_seal where position > ? order by position",
                            EventSealRepository.SEAL,
                            after)
                    : Stream.empty()) {
                return read(query, events -> reader.read(events, seals.iterator()), streamJdbc, null);
            }
        });
    }

    @FunctionalInterface
    interface StreamReader<T> {
        T read(Stream<StoredEvent> events, Iterator<Seal> seals);
    }

    private static <T> T read(
            EventQuery query,
            Function<Stream<StoredEvent>, T> reader,
            JdbcTemplate jdbc,
            TransactionTemplate readOnly) {
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
        TransactionCallback<T> callback = status -> {
            try (Stream<StoredEvent> events = jdbc.queryForStream(sql.toString(), ROW, parameters.toArray())) {
                Stream<StoredEvent> matching = query.unit() == null
                        ? events
                        : events.filter(event -> query.unit().equals(AuditedEvent.unitOf(event.metaData())));
                return reader.apply(matching);
            }
        };
        return readOnly == null ? callback.doInTransaction(null) : readOnly.execute(callback);
    }

    /** Every event of one aggregate in sequence order, on the audit queries' connections. */
    List<StoredEvent> history(String aggregateId) {
        return queryReadOnly.execute(status -> queryJdbc.query(
                "select " + COLUMNS
                        + " from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                ROW,
                aggregateId));
    }

    /**
     * Hands {@code reader} every event in global order, every seal and the highest published position, from one
     * snapshot of the database (repeatable read) on the audit streams' own connections, so a seal written meanwhile
     * never meets an event list that lacks its events.
     */
    public <T> T readAll(SealedReader<T> reader) {
        return streamSnapshot.execute(status -> {
            OptionalLong published = streamPositions.publishedUpTo();
            try (Stream<Seal> seals = streamJdbc.queryForStream(
                            "select " + EventSealRepository.SEAL_COLUMNS + " from event_seal order by position",
                            EventSealRepository.SEAL);
                    Stream<Linked> events = streamJdbc.queryForStream(
                            "select " + COLUMNS + " from domain_event_entry order by global_index",
                            (rs, row) -> new Linked(ROW.mapRow(rs, row), null))) {
                return reader.read(events, seals, published, Long.MAX_VALUE);
            }
        });
    }

    /**
     * Like {@link #readAll} but only what lies after {@code start}: the events after it, each with the stored hash of
     * its aggregate's previous event where that lies at or before {@code start}, and the seals after it. Also hands
     * over the store's highest position.
     */
    public <T> T readAfter(EvidenceWalk.Start start, SealedReader<T> reader) {
        return snapshot.execute(status -> {
            OptionalLong published = positions.publishedUpTo();
            long end = positions.head();
            try (Stream<Seal> seals = jdbc.queryForStream(
                            "select " + EventSealRepository.SEAL_COLUMNS
                                    + " from event_seal where position > ? order by position",
                            EventSealRepository.SEAL,
                            start.position());
                    Stream<Linked> events = jdbc.queryForStream(
                            "select " + PREFIXED_COLUMNS + ", p.meta_data as previous_meta_data"
                                    + " from domain_event_entry e left join domain_event_entry p"
                                    + " on p.aggregate_identifier = e.aggregate_identifier"
                                    + " and p.sequence_number = e.sequence_number - 1 and p.global_index <= ?"
                                    + " where e.global_index > ? order by e.global_index",
                            (rs, row) -> new Linked(
                                    ROW.mapRow(rs, row), EventHash.storedHash(rs.getBytes("previous_meta_data"))),
                            start.position(),
                            start.position())) {
                return reader.read(events, seals, published, end);
            }
        });
    }

    /** The stored event at {@code position}, if there is one. */
    public Optional<StoredEvent> at(long position) {
        return queryReadOnly.execute(status ->
                queryJdbc
                        .query("select " + COLUMNS + " from domain_event_entry where global_index = ?", ROW, position)
                        .stream()
                        .findFirst());
    }

    /**
     * The Merkle leaves of the events a seal at {@code upTo} covers, in sealing order, and the leaf index of the event
     * at {@code position}.
     *
     * @param hashes the leaf hashes ({@link MerkleTree#eventLeaf}) of every event up to and including {@code upTo}
     * @param indexOf the index of the event at {@code position} among them, or -1
     */
    public record Leaves(List<byte[]> hashes, int indexOf) {}

    /**
     * Reads the stored hash of every event up to and including {@code upTo} in one pass, from one snapshot on the audit
     * streams' own connections: one leaf of 32 bytes per event is held in memory. More than {@code maxLeaves} events
     * end the read with {@link TooManyLeaves}.
     */
    public Leaves leaves(long upTo, long position, int maxLeaves) {
        return streamSnapshot.execute(status -> {
            List<byte[]> hashes = new ArrayList<>();
            int[] index = {-1};
            streamJdbc.query(
                    "select global_index, meta_data from domain_event_entry where global_index <= ?"
                            + " order by global_index",
                    (RowCallbackHandler) rs -> {
                        if (hashes.size() == maxLeaves) {
                            throw new TooManyLeaves(maxLeaves);
                        }
                        long at = rs.getLong("global_index");
                        if (at == position) {
                            index[0] = hashes.size();
                        }
                        hashes.add(MerkleTree.eventLeaf(at, EventHash.storedHash(rs.getBytes("meta_data"))));
                    },
                    upTo);
            return new Leaves(hashes, index[0]);
        });
    }

    /** A proof would need more leaves than one request may hold. */
    public static final class TooManyLeaves extends RuntimeException {

        private final int maxLeaves;

        public TooManyLeaves(int maxLeaves) {
            super("more than " + maxLeaves + " events", null, false, false);
            this.maxLeaves = maxLeaves;
        }

        public int maxLeaves() {
            return maxLeaves;
        }
    }

    /** An event and the stored hash of its aggregate's previous event, where the reader asked for it. */
    public record Linked(StoredEvent event, String previousHash) {}

    /**
     * The highest position the {@code kafka-publisher} processor has published (its token, in this database); empty
     * before it published anything.
     */
    public OptionalLong publishedPosition() {
        return positions.publishedUpTo();
    }

    @FunctionalInterface
    public interface SealedReader<T> {
        T read(Stream<Linked> events, Stream<Seal> seals, OptionalLong published, long storeEnd);
    }
}
