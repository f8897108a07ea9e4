package org.borderledger.command.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One pass over the store in global order (see {@link TamperEvidence}), fed event by event and seal by seal: a seal is
 * handed over once every event up to its position has been. It keeps only the last sequence number and hash of each
 * aggregate, the running global chain and the first break.
 *
 * <p>A walk starts at the genesis, or after a seal that an earlier walk verified ({@link Start}); then an aggregate's
 * first event in the walk links to the stored hash of its previous event, which lies at or before the start.
 */
final class EvidenceWalk {

    static final String ALTERED = "payload or metadata altered";
    static final String LINK_BROKEN = "previous-hash link broken";

    /** Where a walk begins: after the event at {@code position}, with the chain over every event up to it. */
    record Start(long position, long eventsSealed, String chainHash) {

        static final Start GENESIS = new Start(0, 0, SealChain.GENESIS);

        static Start after(EventSeals.Seal seal) {
            return new Start(seal.position(), seal.eventsSealed(), seal.chainHash());
        }
    }

    /** Where the store breaks: the event (or the seal) and what is wrong. */
    record Broken(long position, String aggregateId, String reason) {}

    private record Link(long sequenceNumber, String hash) {}

    private final Start start;
    private final Map<String, Link> aggregates = new HashMap<>();
    private final List<EventSeals.Seal> beyondLastEvent = new ArrayList<>();
    private String chain;
    private long chained;
    private long lastPosition;
    private long eventsChecked;
    private long sealsChecked;
    private EventSeals.Seal lastSeal;
    private Broken firstBroken;

    EvidenceWalk(Start start) {
        this.start = start;
        this.chain = start.chainHash();
        this.chained = start.eventsSealed();
        this.lastPosition = start.position();
    }

    /**
     * Checks that the store still reaches the start of the walk: {@code end} is its highest position. A walk that
     * starts after a verified seal sees no event before it, so a store cut below that seal shows only here.
     */
    void storeEnds(long end) {
        if (end < start.position()) {
            broken(start.position(), null, truncated(end, "sealed", start.position()));
        }
    }

    /**
     * Checks the next event in global order.
     *
     * @param previousHash the stored hash of the aggregate's previous event when that event lies at or before the
     *     start of the walk, else null
     */
    void event(StoredEvent event, String previousHash) {
        beyondLastEvent.forEach(this::check);
        beyondLastEvent.clear();
        eventsChecked++;
        lastPosition = event.position();
        EventHash.Stored stored;
        try {
            stored = EventHash.read(event.metaData());
        } catch (IOException notJson) {
            stored = new EventHash.Stored(null, null, null);
        }
        String recomputed = EventHash.of(
                new EventHash.Content(
                        event.aggregateType(),
                        event.aggregateId(),
                        event.sequenceNumber(),
                        event.eventIdentifier(),
                        event.payloadType(),
                        event.payloadRevision(),
                        event.recordedAt(),
                        event.payload(),
                        stored.canonicalMetadata()),
                stored.previousHash());
        Link previous = aggregates.get(event.aggregateId());
        if (previous == null && previousHash != null && event.sequenceNumber() > 0) {
            previous = new Link(event.sequenceNumber() - 1, previousHash);
        }
        long expected = previous == null ? 0 : previous.sequenceNumber() + 1;
        if (stored.hash() == null || !stored.hash().equals(recomputed)) {
            broken(event, ALTERED);
        } else if (event.sequenceNumber() > expected) {
            broken(event, "event missing before sequence " + event.sequenceNumber());
        } else if (event.sequenceNumber() < expected) {
            broken(event, "sequence " + event.sequenceNumber() + " repeated or out of order");
        } else if (!Objects.equals(stored.previousHash(), previous == null ? "" : previous.hash())) {
            broken(event, LINK_BROKEN);
        }
        aggregates.put(event.aggregateId(), new Link(event.sequenceNumber(), stored.hash()));
        chain = SealChain.next(chain, event.position(), stored.hash());
        chained++;
    }

    /**
     * Checks a seal against the chain over every event up to its position. A seal beyond the last event so far waits
     * for the next event (then the event at its position is missing) or for the end of the walk (then the tail is).
     */
    void seal(EventSeals.Seal seal) {
        if (seal.position() > lastPosition) {
            beyondLastEvent.add(seal);
        } else {
            check(seal);
        }
    }

    private void check(EventSeals.Seal seal) {
        sealsChecked++;
        if (seal.eventsSealed() != chained || !seal.chainHash().equals(chain)) {
            String since = lastSeal == null ? "" : " (after the seal at position " + lastSeal.position() + ")";
            broken(
                    seal.position(),
                    null,
                    "global seal mismatch at position " + seal.position() + ": events deleted or reordered before it"
                            + since);
        }
        lastSeal = seal;
    }

    /**
     * Ends the walk. A seal beyond the last event, or a published position beyond it, names an event that was there
     * and is gone: the store lost its tail (deleted rows, or a database restored from an older backup).
     */
    Result finish(OptionalLong published) {
        if (!beyondLastEvent.isEmpty()) {
            EventSeals.Seal first = beyondLastEvent.get(0);
            broken(first.position(), null, truncated(lastPosition, "sealed", first.position()));
            sealsChecked += beyondLastEvent.size();
            lastSeal = beyondLastEvent.get(beyondLastEvent.size() - 1);
        }
        if (published.isPresent() && published.getAsLong() > lastPosition) {
            broken(published.getAsLong(), null, truncated(lastPosition, "published", published.getAsLong()));
        }
        return new Result(start, eventsChecked, sealsChecked, firstBroken, lastSeal, lastPosition);
    }

    /** The outcome of a walk; {@code lastSeal} is the last seal it passed, or null. */
    record Result(
            Start start,
            long eventsChecked,
            long sealsChecked,
            Broken firstBroken,
            EventSeals.Seal lastSeal,
            long lastPosition) {

        boolean valid() {
            return firstBroken == null;
        }
    }

    long eventsChecked() {
        return eventsChecked;
    }

    /** The reason given for a store whose last events are gone although {@code position} was sealed or published. */
    static String truncated(long lastPosition, String what, long position) {
        String ends = lastPosition == 0 ? "store holds no events" : "store ends at position " + lastPosition;
        return ends + " but position " + position + " was " + what + ": the events after "
                + (lastPosition == 0 ? "the start" : "it") + " were deleted or lost";
    }

    private void broken(StoredEvent event, String reason) {
        broken(event.position(), event.aggregateId(), reason);
    }

    /** Records a break found outside the walk; the first break in the walk's order is the one reported. */
    void broken(long position, String aggregateId, String reason) {
        if (firstBroken == null) {
            firstBroken = new Broken(position, aggregateId, reason);
        }
    }
}
