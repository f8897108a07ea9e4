package org.borderledger.evidence;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One pass over a store (or an export of it) in global order, fed event by event and seal by seal: a seal is handed
 * over once every event up to its position has been. It keeps only the last sequence number and hash of each
 * aggregate, the running global chain and the first break, and reports the break in the same words wherever it runs.
 *
 * <p>For each event it recomputes the hash by the event's own version ("payload or metadata altered"), checks that the
 * aggregate's sequence continues ("event missing before sequence N") and that the link to the previous hash holds
 * ("previous-hash link broken"), and extends the chain. Each seal must match the chain at its position ("global seal
 * mismatch at position P: events deleted or reordered before it"), and a signed seal must carry the signature of a
 * trusted key; once one seal was signed, every later one must be. After the last event, a seal or a published
 * position beyond it means the store's tail is gone.
 *
 * <p>A walk starts at the first event, or after a seal that was verified before ({@link Start}); then an aggregate's
 * first event in the walk links to the stored hash of its previous event, which lies at or before the start.
 */
public final class EvidenceWalk {

    public static final String ALTERED = "payload or metadata altered";
    public static final String LINK_BROKEN = "previous-hash link broken";

    /** Where a walk begins: after the event at {@code position}, with the chain over every event up to it. */
    public record Start(long position, long eventsSealed, String chainHash, boolean signed) {

        public static final Start GENESIS = new Start(0, 0, SealChain.GENESIS, false);

        public static Start after(Seal seal) {
            return new Start(seal.position(), seal.eventsSealed(), seal.chainHash(), seal.signed());
        }
    }

    /**
     * Where the store breaks: the event (or the seal) and what is wrong, in words and as a {@link Rejection} code; no
     * aggregate id for a seal.
     */
    public record Broken(long position, String aggregateId, String reason, Rejection code) {

        /** A break known by its words only (a code not recorded with it). */
        public Broken(long position, String aggregateId, String reason) {
            this(position, aggregateId, reason, null);
        }
    }

    /**
     * What a walk found.
     *
     * @param lastSeal the last seal it passed, or null
     * @param lastSignedSeal the last seal with a trusted signature, or null
     * @param lastPosition the last event's position (the start's when it saw none)
     */
    public record Result(
            Start start,
            long eventsChecked,
            long sealsChecked,
            Broken firstBroken,
            Seal lastSeal,
            Seal lastSignedSeal,
            long lastPosition) {

        public boolean valid() {
            return firstBroken == null;
        }
    }

    private record Link(long sequenceNumber, String hash) {}

    private final Start start;
    private final PinnedKeys trustedKeys;
    private final Map<String, Link> aggregates = new HashMap<>();
    private final List<Seal> beyondLastEvent = new ArrayList<>();
    private String chain;
    private long chained;
    private long lastPosition;
    private long previousEventPosition;
    private MerkleTree.Frontier tree;
    private long eventsChecked;
    private long sealsChecked;
    private long unsignedSeals;
    private boolean signedSeen;
    private Seal lastSeal;
    private Seal lastSignedSeal;
    private Broken firstBroken;

    /**
     * @param trustedKeys the public keys, by key id, whose signatures on seals count, at any position
     */
    public EvidenceWalk(Start start, Map<String, PublicKey> trustedKeys) {
        this(start, PinnedKeys.unbounded(trustedKeys), null);
    }

    /**
     * @param trustedKeys the keys whose signatures on seals count, each for its range of positions
     * @param tree the Merkle tree over the events up to the start (empty at the first event), or null when the walk
     *     does not check the seals' Merkle roots
     */
    public EvidenceWalk(Start start, PinnedKeys trustedKeys, MerkleTree.Frontier tree) {
        this.start = start;
        this.trustedKeys = trustedKeys;
        this.tree = tree;
        this.previousEventPosition = start.position() == 0 && start.eventsSealed() == 0 ? -1 : start.position();
        this.chain = start.chainHash();
        this.chained = start.eventsSealed();
        this.lastPosition = start.position();
        this.signedSeen = start.signed();
    }

    /**
     * Checks that the store still reaches the start of the walk: {@code end} is its highest position. A walk that
     * starts after a verified seal sees no event before it, so a store cut below that seal shows only here.
     */
    public void storeEnds(long end) {
        if (end < start.position()) {
            broken(
                    start.position(),
                    null,
                    truncated(end, "sealed", start.position()),
                    Rejection.SEAL_BEYOND_LAST_EVENT);
        }
    }

    /**
     * Checks the next event in global order.
     *
     * @param previousHash the stored hash of the aggregate's previous event when that event lies at or before the
     *     start of the walk, else null
     */
    public void event(StoredEvent event, String previousHash) {
        beyondLastEvent.forEach(this::check);
        beyondLastEvent.clear();
        eventsChecked++;
        if (event.position() <= previousEventPosition) {
            broken(
                    event,
                    Rejection.POSITION_NOT_INCREASING,
                    "position " + event.position() + " repeated or out of order after position "
                            + previousEventPosition);
        }
        previousEventPosition = event.position();
        lastPosition = event.position();
        EventHash.Stored stored;
        try {
            stored = EventHash.read(event.metaData());
        } catch (IOException notJson) {
            stored = new EventHash.Stored(null, null, null, null);
        }
        Link previous = aggregates.get(event.aggregateId());
        if (previous == null && previousHash != null && event.sequenceNumber() > 0) {
            previous = new Link(event.sequenceNumber() - 1, previousHash);
        }
        long expected = previous == null ? 0 : previous.sequenceNumber() + 1;
        if (stored.versionNumber() < 0) {
            broken(event, Rejection.HASH_VERSION_UNKNOWN, "unknown hash version " + stored.version());
        } else if (stored.hash() == null || !stored.hash().equals(EventHash.recompute(event, stored))) {
            broken(event, Rejection.EVENT_HASH_MISMATCH, ALTERED);
        } else if (event.sequenceNumber() > expected) {
            broken(event, Rejection.SEQUENCE_GAP, "event missing before sequence " + event.sequenceNumber());
        } else if (event.sequenceNumber() < expected) {
            broken(
                    event,
                    Rejection.SEQUENCE_REPEATED,
                    "sequence " + event.sequenceNumber() + " repeated or out of order");
        } else if (!Objects.equals(stored.previousHash(), previous == null ? "" : previous.hash())) {
            broken(event, Rejection.PREVIOUS_HASH_MISMATCH, LINK_BROKEN);
        }
        aggregates.put(event.aggregateId(), new Link(event.sequenceNumber(), stored.hash()));
        chain = SealChain.next(chain, event.position(), stored.hash());
        chained++;
        if (tree != null) {
            tree = tree.append(MerkleTree.eventLeaf(event.position(), stored.hash()));
        }
    }

    /**
     * Checks a seal against the chain over every event up to its position. A seal beyond the last event so far waits
     * for the next event (then the event at its position is missing) or for the end of the walk (then the tail is).
     */
    public void seal(Seal seal) {
        if (seal.position() > lastPosition) {
            beyondLastEvent.add(seal);
        } else {
            check(seal);
        }
    }

    private void check(Seal seal) {
        sealsChecked++;
        if (seal.eventsSealed() != chained || !seal.chainHash().equals(chain)) {
            String since = lastSeal == null ? "" : " (after the seal at position " + lastSeal.position() + ")";
            broken(
                    seal.position(),
                    null,
                    "global seal mismatch at position " + seal.position() + ": events deleted or reordered before it"
                            + since,
                    Rejection.SEAL_CHAIN_MISMATCH);
        } else if (tree != null
                && seal.merkleRoot() != null
                && !seal.merkleRoot().equals(MerkleTree.hex(tree.root()))) {
            broken(
                    seal.position(),
                    null,
                    "seal at position " + seal.position() + ": its Merkle root is not the root over the " + chained
                            + " events up to it",
                    Rejection.SEAL_MERKLE_ROOT_MISMATCH);
        }
        checkSignature(seal);
        lastSeal = seal;
    }

    private void checkSignature(Seal seal) {
        if (!seal.signed()) {
            if (signedSeen) {
                broken(
                        seal.position(),
                        null,
                        "seal at position " + seal.position() + " is unsigned after signed seals",
                        Rejection.SEAL_UNSIGNED);
            } else {
                unsignedSeals++;
            }
            return;
        }
        signedSeen = true;
        switch (trustedKeys.check(seal)) {
            case KEY_NOT_PINNED -> broken(
                    seal.position(),
                    null,
                    "seal at position " + seal.position() + " is signed with unknown key " + seal.keyId(),
                    Rejection.SEAL_KEY_NOT_PINNED);
            case KEY_OUT_OF_RANGE -> broken(
                    seal.position(),
                    null,
                    "seal at position " + seal.position() + " is signed with key " + seal.keyId()
                            + ", which may sign positions "
                            + trustedKeys.key(seal.keyId()).range() + " only",
                    Rejection.SEAL_KEY_OUT_OF_RANGE);
            case SIGNATURE_INVALID, UNSIGNED -> broken(
                    seal.position(),
                    null,
                    "seal at position " + seal.position() + ": signature does not verify with key " + seal.keyId(),
                    Rejection.SEAL_SIGNATURE_INVALID);
            case VALID -> lastSignedSeal = seal;
        }
    }

    /**
     * Ends the walk. A seal beyond the last event, or a published position beyond it, names an event that was there
     * and is gone: the store lost its tail (deleted rows, or a database restored from an older backup).
     *
     * @param published the highest position published from the store, where known
     * @param requireSignature whether a walk that passed no seal with a trusted signature is a break (the offline
     *     check: without one, nothing ties the events to the ledger's key)
     */
    public Result finish(OptionalLong published, boolean requireSignature) {
        if (!beyondLastEvent.isEmpty()) {
            Seal first = beyondLastEvent.get(0);
            broken(
                    first.position(),
                    null,
                    truncated(lastPosition, "sealed", first.position()),
                    Rejection.SEAL_BEYOND_LAST_EVENT);
            for (Seal seal : beyondLastEvent) {
                sealsChecked++;
                checkSignature(seal);
                lastSeal = seal;
            }
        }
        if (published.isPresent() && published.getAsLong() > lastPosition) {
            broken(
                    published.getAsLong(),
                    null,
                    truncated(lastPosition, "published", published.getAsLong()),
                    Rejection.STORE_TRUNCATED);
        }
        if (requireSignature && lastSignedSeal == null && !start.signed()) {
            broken(
                    start.position(),
                    null,
                    "no seal is signed with a trusted key: nothing ties these events to the ledger's key",
                    Rejection.NO_TRUSTED_SEAL);
        }
        return new Result(start, eventsChecked, sealsChecked, firstBroken, lastSeal, lastSignedSeal, lastPosition);
    }

    public long eventsChecked() {
        return eventsChecked;
    }

    /** The first break so far, or null. */
    public Broken firstBroken() {
        return firstBroken;
    }

    /** Records a break found outside the walk; the first break in the walk's order is the one reported. */
    public void broken(long position, String aggregateId, String reason) {
        broken(position, aggregateId, reason, null);
    }

    /** Records a break found outside the walk, with its code. */
    public void broken(long position, String aggregateId, String reason, Rejection code) {
        if (firstBroken == null) {
            firstBroken = new Broken(position, aggregateId, reason, code);
        }
    }

    /** The seals passed without a signature before the first signed one: reported as unsigned, never as verified. */
    public long unsignedSeals() {
        return unsignedSeals;
    }

    /** The Merkle tree over the events so far, or null when the walk does not build one. */
    public MerkleTree.Frontier tree() {
        return tree;
    }

    /** The chain over the events so far and how many events it covers. */
    public String chain() {
        return chain;
    }

    public long chained() {
        return chained;
    }

    /** The reason given for a store whose last events are gone although {@code position} was sealed or published. */
    public static String truncated(long lastPosition, String what, long position) {
        String ends = lastPosition == 0 ? "store holds no events" : "store ends at position " + lastPosition;
        return ends + " but position " + position + " was " + what + ": the events after "
                + (lastPosition == 0 ? "the start" : "it") + " were deleted or lost";
    }

    private void broken(StoredEvent event, Rejection code, String reason) {
        broken(event.position(), event.aggregateId(), reason, code);
    }
}
