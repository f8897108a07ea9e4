package org.borderledger.command.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Tamper evidence over the whole event store, checked by {@code GET /api/audit/verify}.
 *
 * <p><b>Per aggregate, at append time.</b> {@link HashChainingEventStorageEngine} decorates Axon's JDBC storage
 * engine. Before an event is inserted it gets two metadata entries: {@code previoushash}, the hash of the aggregate's
 * previous event (empty at sequence 0), and {@code hash}, the hex SHA-256 of a length-prefixed canonical form of
 * aggregate type, aggregate id, sequence number, event id, payload type and revision, recorded time (the stored
 * ISO-8601 text), the payload's JSON bytes exactly as stored (serialized once, by the engine's own serializer, and
 * handed to the engine), the rest of the metadata as canonical JSON (sorted keys, no whitespace) and
 * {@code previoushash}. The previous hash comes from the same call or unit of work, else from one indexed read of the
 * previous event. No lock is taken: writers of different aggregates never wait for each other; two writers of one
 * aggregate still meet at the unique (aggregate id, sequence number) key. Changing a payload or metadata breaks that
 * event's hash; removing an event from inside an aggregate's history leaves a gap in its sequence numbers and a broken
 * link.
 *
 * <p><b>Global, sealed after the fact.</b> The chains of single aggregates cannot see an aggregate's last event
 * vanish, nor two events swap positions in the global order. The {@code audit-seal} tracking processor
 * ({@link AuditSeal}) keeps a running chain {@code c(n) = SHA-256(c(n-1), position, hash)} over every event in
 * global-index order and, in the transaction that stores its token, writes one checkpoint per batch (100 events) to
 * {@code event_seal(position, events_sealed, chain_hash, sealed_at)}. Writers never wait for it; it reads what is
 * committed. Because a transaction may commit after a later position is already visible, the seal stops before a
 * missing position until the event after it is older than {@code ledger.audit.seal.settle-after} (60 s, like Axon's
 * gap timeout); from then on the position counts as a rolled-back write.
 *
 * <p><b>Verification</b> streams the table in global order inside one repeatable-read snapshot, keeping only the last
 * sequence number and hash of each aggregate. For each event it recomputes the hash ("payload or metadata altered"),
 * checks that the aggregate's sequence continues ("event missing before sequence N") and that the link holds
 * ("previous-hash link broken"), extends the global chain and compares it with each checkpoint it passes ("global seal
 * mismatch at position P: events deleted or reordered before it"). After the last event, a seal or a published
 * position (the {@code kafka-publisher} token) beyond it names an event that is gone: "store ends at position N but
 * position P was sealed" (or "published"). It reports the first break in global order.
 *
 * <p><b>Limits.</b> Events after the last checkpoint are covered by their aggregates' chains only, until the next
 * batch is sealed. The hashes have no key: whoever can rewrite the whole table and every seal can also recompute
 * them, so the latest checkpoint's chain hash (part of every verification answer) has to be kept outside the database
 * (in a signed report, a published bulletin) for such a rewrite to show. Events recorded before hashing existed
 * carry no hash and verify as altered.
 */
@Service
class TamperEvidence {

    static final String ALTERED = "payload or metadata altered";
    static final String LINK_BROKEN = "previous-hash link broken";

    @Schema(description = "The result of checking every stored event and every seal")
    record Verification(
            boolean valid,
            long eventsChecked,
            long sealsChecked,
            @Schema(description = "The first break in global order, or null") Broken firstBroken,
            @Schema(description = "The latest seal: keep its chainHash outside the ledger to anchor the history")
                    Seal lastSeal) {}

    @Schema(description = "Where the store was altered: the event (or the seal) and what is wrong")
    record Broken(long position, String aggregateId, String reason) {}

    record Seal(long position, long eventsSealed, String chainHash, Instant sealedAt) {}

    private final EventLog log;

    TamperEvidence(EventLog log) {
        this.log = log;
    }

    Verification verify() {
        return log.readAllWithSeals(TamperEvidence::check);
    }

    /** Checks {@code events}, in global order, and {@code seals}, in order of position. */
    static Verification check(Stream<StoredEvent> events, Stream<EventSeals.Seal> seals) {
        return check(events, seals, OptionalLong.empty());
    }

    /**
     * Checks {@code events}, in global order, {@code seals}, in order of position, and that the store still holds the
     * highest position the outbox has {@code published}.
     */
    static Verification check(Stream<StoredEvent> events, Stream<EventSeals.Seal> seals, OptionalLong published) {
        return new Walk(seals.iterator()).over(events, published);
    }

    /** The reason given for a store whose last events are gone although {@code position} was sealed or published. */
    static String truncated(long lastPosition, String what, long position) {
        String ends = lastPosition == 0 ? "store holds no events" : "store ends at position " + lastPosition;
        return ends + " but position " + position + " was " + what + ": the events after "
                + (lastPosition == 0 ? "the start" : "it") + " were deleted or lost";
    }

    /** One pass over the store in global order. */
    private static final class Walk {

        private record Link(long sequenceNumber, String hash) {}

        private final Map<String, Link> aggregates = new HashMap<>();
        private final Iterator<EventSeals.Seal> seals;
        private EventSeals.Seal nextSeal;
        private EventSeals.Seal lastSeal;
        private String chain = SealChain.GENESIS;
        private long chained;
        private long eventsChecked;
        private long sealsChecked;
        private long lastPosition;
        private Broken firstBroken;

        Walk(Iterator<EventSeals.Seal> seals) {
            this.seals = seals;
            this.nextSeal = seals.hasNext() ? seals.next() : null;
        }

        Verification over(Stream<StoredEvent> events, OptionalLong published) {
            events.forEach(this::check);
            checkTail(published);
            return new Verification(
                    firstBroken == null,
                    eventsChecked,
                    sealsChecked,
                    firstBroken,
                    lastSeal == null
                            ? null
                            : new Seal(
                                    lastSeal.position(),
                                    lastSeal.eventsSealed(),
                                    lastSeal.chainHash(),
                                    lastSeal.sealedAt()));
        }

        private void check(StoredEvent event) {
            checkSealsBefore(event.position());
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
            if (nextSeal != null && nextSeal.position() == event.position()) {
                checkSeal();
            }
        }

        /**
         * After the last event: a seal beyond it, or a published position beyond it, names an event that was there and
         * is gone, so the store lost its tail (deleted rows, or a database restored from an older backup).
         */
        private void checkTail(OptionalLong published) {
            if (nextSeal != null) {
                broken(nextSeal.position(), null, truncated(lastPosition, "sealed", nextSeal.position()));
                while (nextSeal != null) {
                    sealsChecked++;
                    lastSeal = nextSeal;
                    nextSeal = seals.hasNext() ? seals.next() : null;
                }
            }
            if (published.isPresent() && published.getAsLong() > lastPosition) {
                broken(published.getAsLong(), null, truncated(lastPosition, "published", published.getAsLong()));
            }
        }

        /** Checks the seals before {@code position}: every event up to each of them has been chained. */
        private void checkSealsBefore(long position) {
            while (nextSeal != null && nextSeal.position() < position) {
                checkSeal();
            }
        }

        private void checkSeal() {
            sealsChecked++;
            if (nextSeal.eventsSealed() != chained || !nextSeal.chainHash().equals(chain)) {
                String since = lastSeal == null ? "" : " (after the seal at position " + lastSeal.position() + ")";
                broken(
                        nextSeal.position(),
                        null,
                        "global seal mismatch at position " + nextSeal.position()
                                + ": events deleted or reordered before it" + since);
            }
            lastSeal = nextSeal;
            nextSeal = seals.hasNext() ? seals.next() : null;
        }

        private void broken(StoredEvent event, String reason) {
            broken(event.position(), event.aggregateId(), reason);
        }

        private void broken(long position, String aggregateId, String reason) {
            if (firstBroken == null) {
                firstBroken = new Broken(position, aggregateId, reason);
            }
        }
    }
}
