package org.borderledger.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A checkpoint of the global chain: the chain over every event up to and including {@code position}, how many events
 * that is, the root of the Merkle tree over those events ({@link MerkleTree}; null for a seal made before seals
 * carried one), when it was sealed, and the Ed25519 signature over all of it by the key {@code keyId} (both null for a
 * seal written before seals were signed).
 */
public record Seal(
        long position,
        long eventsSealed,
        String chainHash,
        Instant sealedAt,
        String keyId,
        String signature,
        String merkleRoot) {

    /** A seal without a Merkle root. */
    public Seal(long position, long eventsSealed, String chainHash, Instant sealedAt, String keyId, String signature) {
        this(position, eventsSealed, chainHash, sealedAt, keyId, signature, null);
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The start of the chain: no event, nothing sealed. */
    public static final Seal NONE = new Seal(0, 0, SealChain.GENESIS, Instant.EPOCH, null, null);

    /** This seal with {@code root} (lowercase hex) as its Merkle root, unsigned: a root is signed with the rest. */
    public Seal withMerkleRoot(String root) {
        return new Seal(position, eventsSealed, chainHash, sealedAt, null, null, root);
    }

    public boolean signed() {
        return signature != null;
    }

    /** {@link #sealedAt} as seals state it: UTC, always three fraction digits. */
    public String sealedAtText() {
        return time(sealedAt);
    }

    /** The instant a seal can state: whole milliseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
