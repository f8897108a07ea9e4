package org.borderledger.command.evidence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.Seal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code event_seal} table: signed checkpoints of the global chain, and the events the next checkpoint covers.
 */
@Repository
public class EventSealRepository {

    /** What the chain needs of a stored event: its position, when it was recorded and its stored hash. */
    record Sealable(long position, String recordedAt, String hash) {}

    public static final String SEAL_COLUMNS = "position, events_sealed, chain_hash, sealed_at, key_id, signature";

    public static final RowMapper<Seal> SEAL = (rs, row) -> new Seal(
            rs.getLong("position"),
            rs.getLong("events_sealed"),
            rs.getString("chain_hash"),
            rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
            rs.getString("key_id"),
            rs.getString("signature"));

    private final JdbcTemplate jdbc;

    EventSealRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Seal> last() {
        return jdbc.query("select " + SEAL_COLUMNS + " from event_seal order by position desc limit 1", SEAL).stream()
                .findFirst();
    }

    Optional<Seal> at(long position) {
        return jdbc.query("select " + SEAL_COLUMNS + " from event_seal where position = ?", SEAL, position).stream()
                .findFirst();
    }

    void insert(Seal seal) {
        jdbc.update(
                "insert into event_seal (position, events_sealed, chain_hash, sealed_at, key_id, signature)"
                        + " values (?, ?, ?, ?, ?, ?)",
                seal.position(),
                seal.eventsSealed(),
                seal.chainHash(),
                OffsetDateTime.ofInstant(seal.sealedAt(), ZoneOffset.UTC),
                seal.keyId(),
                seal.signature());
    }

    /** The events after position {@code after} up to and including {@code upTo}, in global order. */
    List<Sealable> eventsBetween(long after, long upTo) {
        return jdbc.query(
                "select global_index, time_stamp, meta_data from domain_event_entry"
                        + " where global_index > ? and global_index <= ? order by global_index",
                (rs, row) -> new Sealable(
                        rs.getLong("global_index"),
                        rs.getString("time_stamp"),
                        EventHash.storedHash(rs.getBytes("meta_data"))),
                after,
                upTo);
    }
}
