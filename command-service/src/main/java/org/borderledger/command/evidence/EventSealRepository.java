package org.borderledger.command.evidence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.Seal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code event_seal} table: signed checkpoints of the global chain and of the Merkle tree over the same events,
 * with the tree's right edge for the next checkpoint, and the events the next checkpoint covers.
 */
@Repository
public class EventSealRepository {

    /** What the chain needs of a stored event: its position, when it was recorded and its stored hash. */
    record Sealable(long position, String recordedAt, String hash) {}

    /** A seal and the right edge of its Merkle tree; the frontier is null for a seal made before seals had roots. */
    record Sealed(Seal seal, MerkleTree.Frontier frontier) {

        static final Sealed NONE = new Sealed(Seal.NONE, MerkleTree.Frontier.EMPTY);
    }

    public static final String SEAL_COLUMNS =
            "position, events_sealed, chain_hash, sealed_at, key_id, signature, merkle_root";

    public static final RowMapper<Seal> SEAL = (rs, row) -> new Seal(
            rs.getLong("position"),
            rs.getLong("events_sealed"),
            rs.getString("chain_hash"),
            rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
            rs.getString("key_id"),
            rs.getString("signature"),
            rs.getString("merkle_root"));

    private static final RowMapper<Sealed> SEALED = (rs, row) -> {
        Seal seal = SEAL.mapRow(rs, row);
        String frontier = rs.getString("merkle_frontier");
        return new Sealed(
                seal,
                frontier == null
                        ? null
                        : MerkleTree.Frontier.of(
                                seal.eventsSealed(),
                                frontier.isEmpty() ? List.of() : Arrays.asList(frontier.split(","))));
    };

    /** Rows a one-pass read fetches at a time. */
    static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    EventSealRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    Optional<Seal> last() {
        return jdbc.query("select " + SEAL_COLUMNS + " from event_seal order by position desc limit 1", SEAL).stream()
                .findFirst();
    }

    /** The last seal with the right edge of its Merkle tree. */
    Optional<Sealed> lastSealed() {
        return jdbc
                .query(
                        "select " + SEAL_COLUMNS + ", merkle_frontier from event_seal order by position desc limit 1",
                        SEALED)
                .stream()
                .findFirst();
    }

    Optional<Seal> at(long position) {
        return jdbc.query("select " + SEAL_COLUMNS + " from event_seal where position = ?", SEAL, position).stream()
                .findFirst();
    }

    /** The right edge of the Merkle tree of the seal at {@code position}; empty without one. */
    Optional<MerkleTree.Frontier> frontierAt(long position) {
        return jdbc
                .query(
                        "select " + SEAL_COLUMNS + ", merkle_frontier from event_seal where position = ?",
                        SEALED,
                        position)
                .stream()
                .map(Sealed::frontier)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The latest seal that carries a Merkle root. */
    Optional<Seal> lastWithRoot() {
        return jdbc
                .query(
                        "select " + SEAL_COLUMNS
                                + " from event_seal where merkle_root is not null order by position desc limit 1",
                        SEAL)
                .stream()
                .findFirst();
    }

    /** Stores {@code seal} and, when it has a Merkle root, the right edge of its tree. */
    void insert(Seal seal, MerkleTree.Frontier frontier) {
        jdbc.update(
                "insert into event_seal (position, events_sealed, chain_hash, sealed_at, key_id, signature,"
                        + " merkle_root, merkle_frontier) values (?, ?, ?, ?, ?, ?, ?, ?)",
                seal.position(),
                seal.eventsSealed(),
                seal.chainHash(),
                OffsetDateTime.ofInstant(seal.sealedAt(), ZoneOffset.UTC),
                seal.keyId(),
                seal.signature(),
                seal.merkleRoot(),
                frontier == null ? null : String.join(",", frontier.hex()));
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

    /**
     * The Merkle tree over every event up to and including {@code upTo}, in sealing order, built in one pass over the
     * stored hashes (streamed: the caller's transaction keeps the cursor open).
     */
    MerkleTree.Frontier treeUpTo(long upTo) {
        MerkleTree.Frontier[] tree = {MerkleTree.Frontier.EMPTY};
        streaming.query(
                "select global_index, meta_data from domain_event_entry where global_index <= ? order by global_index",
                (RowCallbackHandler) rs -> tree[0] = tree[0].append(MerkleTree.eventLeaf(
                        rs.getLong("global_index"), EventHash.storedHash(rs.getBytes("meta_data")))),
                upTo);
        return tree[0];
    }
}
