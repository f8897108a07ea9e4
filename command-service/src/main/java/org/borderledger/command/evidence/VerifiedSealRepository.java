package org.borderledger.command.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.Seal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code verified_seal} table: the seals a verification found intact with every event before them, the latest
 * first. The incremental verification starts after the latest.
 */
@Repository
class VerifiedSealRepository {

    /** A verified seal and when it was verified. */
    record Checkpoint(Seal seal, Instant verifiedAt) {

        EvidenceWalk.Start start() {
            return EvidenceWalk.Start.after(seal);
        }
    }

    private final JdbcTemplate jdbc;

    VerifiedSealRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Checkpoint> last() {
        return jdbc
                .query(
                        "select " + EventSealRepository.SEAL_COLUMNS + ", verified_at from verified_seal"
                                + " order by position desc limit 1",
                        (rs, row) -> new Checkpoint(
                                EventSealRepository.SEAL.mapRow(rs, row),
                                rs.getObject("verified_at", OffsetDateTime.class)
                                        .toInstant()))
                .stream()
                .findFirst();
    }

    /** Records {@code seal} as verified; a seal verified before stays as it was. */
    void advance(Seal seal, Instant at) {
        if (jdbc.queryForObject("select count(*) from verified_seal where position = ?", Long.class, seal.position())
                > 0) {
            return;
        }
        try {
            jdbc.update(
                    "insert into verified_seal (position, events_sealed, chain_hash, sealed_at, key_id, signature,"
                            + " merkle_root, verified_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    seal.position(),
                    seal.eventsSealed(),
                    seal.chainHash(),
                    OffsetDateTime.ofInstant(seal.sealedAt(), ZoneOffset.UTC),
                    seal.keyId(),
                    seal.signature(),
                    seal.merkleRoot(),
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        } catch (DuplicateKeyException verifiedMeanwhile) {
            // another verification recorded the same seal
        }
    }
}
