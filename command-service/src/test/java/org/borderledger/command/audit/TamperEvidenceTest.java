package org.borderledger.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verification walk over a store built in memory, tampered with in every way the walk must notice. */
class TamperEvidenceTest {

    private final List<StoredEvent> events = new ArrayList<>();
    private final List<EventSeals.Seal> seals = new ArrayList<>();
    private final Map<String, String> lastHash = new HashMap<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private long position = 100;

    @BeforeEach
    void store() {
        append("A", "{\"caseId\":\"A\",\"count\":1}");
        append("B", "{\"caseId\":\"B\",\"count\":2}");
        seal();
        append("A", "{\"caseId\":\"A\",\"count\":3}");
        position += 3; // positions of rolled-back writes
        append("A", "{\"caseId\":\"A\",\"count\":4}");
        append("B", "{\"caseId\":\"B\",\"count\":5}");
        seal();
        append("C", "{\"caseId\":\"C\",\"count\":6}");
    }

    @Test
    void anUntouchedStoreIsValid() {
        TamperEvidence.Verification verification = check();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBroken()).isNull();
        assertThat(verification.eventsChecked()).isEqualTo(6);
        assertThat(verification.sealsChecked()).isEqualTo(2);
        assertThat(verification.lastSeal().position()).isEqualTo(events.get(4).position());
    }

    @Test
    void aChangedPayloadBreaksItsEvent() {
        StoredEvent event = events.get(2);
        events.set(2, withPayload(event, "{\"caseId\":\"A\",\"count\":30}".getBytes(UTF_8)));

        assertBroken(event.position(), "A", TamperEvidence.ALTERED);
    }

    @Test
    void changedOrStrippedMetadataBreaksItsEvent() {
        StoredEvent event = events.get(1);
        events.set(1, withMetaData(event, new String(event.metaData(), UTF_8).replace("KG-POST", "KP-POST")));
        assertBroken(event.position(), "B", TamperEvidence.ALTERED);

        events.set(1, withMetaData(event, "{\"unit\":\"KG-POST\"}"));
        assertBroken(event.position(), "B", TamperEvidence.ALTERED);
    }

    @Test
    void aMissingEventInsideAnAggregateBreaksTheNextOne() {
        StoredEvent next = events.get(3);
        events.remove(2);
        seals.clear();

        assertBroken(next.position(), "A", "event missing before sequence 2");
    }

    @Test
    void aForgedEventWithAValidHashBreaksTheLinkOfTheNextOne() throws IOException {
        StoredEvent forged = events.get(2);
        byte[] payload = "{\"caseId\":\"A\",\"count\":300}".getBytes(UTF_8);
        EventHash.Stored stored = EventHash.read(forged.metaData());
        String hash = EventHash.of(content(withPayload(forged, payload)), stored.previousHash());
        events.set(2, withMetaData(withPayload(forged, payload), metaData(stored.previousHash(), hash)));
        seals.clear();

        assertBroken(events.get(3).position(), "A", TamperEvidence.LINK_BROKEN);
    }

    @Test
    void aRepeatedEventIsOutOfSequence() {
        StoredEvent copy = events.get(2);
        events.add(
                3,
                new StoredEvent(
                        copy.position() + 1,
                        copy.eventIdentifier(),
                        copy.aggregateId(),
                        copy.aggregateType(),
                        copy.sequenceNumber(),
                        copy.recordedAt(),
                        copy.payloadType(),
                        copy.payloadRevision(),
                        copy.payload(),
                        copy.metaData()));

        assertBroken(copy.position() + 1, "A", "sequence 1 repeated or out of order");
    }

    @Test
    void theDeletedLastEventOfAnAggregateBreaksTheSealAfterIt() {
        long seal = seals.get(1).position();
        events.remove(4); // B's last event, which the second seal covers

        TamperEvidence.Verification verification = check();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBroken())
                .isEqualTo(new EvidenceWalk.Broken(
                        seal,
                        null,
                        "global seal mismatch at position " + seal
                                + ": events deleted or reordered before it (after the seal at position "
                                + seals.get(0).position() + ")"));
    }

    @Test
    void aStoreWhoseSealedTailIsGoneSaysWhereItNowEnds() {
        long end = events.get(3).position();
        events.remove(5);
        events.remove(4);

        TamperEvidence.Verification verification = check();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBroken())
                .isEqualTo(new EvidenceWalk.Broken(
                        seals.get(1).position(),
                        null,
                        "store ends at position " + end + " but position "
                                + seals.get(1).position() + " was sealed: the events after it were deleted or lost"));
        assertThat(verification.sealsChecked()).isEqualTo(2);
    }

    @Test
    void aStoreWhoseTailAndItsSealsAreGoneSaysWhatWasPublished() {
        long published = events.get(5).position();
        long end = events.get(3).position();
        events.remove(5);
        events.remove(4);
        seals.remove(1);

        TamperEvidence.Verification verification =
                TamperEvidence.check(events.stream(), seals.stream(), OptionalLong.of(published));

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBroken())
                .isEqualTo(new EvidenceWalk.Broken(
                        published,
                        null,
                        "store ends at position " + end + " but position " + published
                                + " was published: the events after it were deleted or lost"));
    }

    @Test
    void anEmptiedStoreSaysSo() {
        long published = events.get(5).position();
        events.clear();
        seals.clear();

        TamperEvidence.Verification verification =
                TamperEvidence.check(events.stream(), seals.stream(), OptionalLong.of(published));

        assertThat(verification.firstBroken().reason())
                .isEqualTo("store holds no events but position " + published
                        + " was published: the events after the start were deleted or lost");
    }

    @Test
    void aPublishedPositionTheStoreHoldsIsNoBreak() {
        TamperEvidence.Verification verification = TamperEvidence.check(
                events.stream(), seals.stream(), OptionalLong.of(events.get(5).position()));

        assertThat(verification.valid()).isTrue();
    }

    @Test
    void eventsSwappingPositionsBreakTheSealAfterThem() {
        StoredEvent a = events.get(3);
        StoredEvent b = events.get(4);
        events.set(3, at(b, a.position()));
        events.set(4, at(a, b.position()));

        TamperEvidence.Verification verification = check();

        assertThat(verification.firstBroken().position()).isEqualTo(seals.get(1).position());
        assertThat(verification.firstBroken().reason()).startsWith("global seal mismatch");
    }

    private TamperEvidence.Verification check() {
        return TamperEvidence.check(events.stream(), seals.stream());
    }

    private void assertBroken(long position, String aggregateId, String reason) {
        TamperEvidence.Verification verification = check();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(new EvidenceWalk.Broken(position, aggregateId, reason));
        assertThat(verification.eventsChecked()).isEqualTo(events.size());
    }

    private void append(String aggregateId, String payload) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        String previous = lastHash.getOrDefault(aggregateId, "");
        StoredEvent unhashed = new StoredEvent(
                ++position,
                "event-" + position,
                aggregateId,
                "RepatriationCase",
                sequence,
                "2024-03-25T08:00:00." + (100 + position % 900) + "Z",
                "RemainsRecovered",
                null,
                payload.getBytes(UTF_8),
                null);
        String hash = EventHash.of(content(withMetaData(unhashed, "{\"unit\":\"KG-POST\"}")), previous);
        events.add(withMetaData(unhashed, metaData(previous, hash)));
        lastHash.put(aggregateId, hash);
    }

    private void seal() {
        String chain = SealChain.GENESIS;
        for (StoredEvent event : events) {
            chain = SealChain.next(chain, event.position(), EventHash.storedHash(event.metaData()));
        }
        seals.add(new EventSeals.Seal(position, events.size(), chain, Instant.now()));
    }

    private static String metaData(String previousHash, String hash) {
        return "{\"unit\":\"KG-POST\",\"previoushash\":\"" + previousHash + "\",\"hash\":\"" + hash + "\"}";
    }

    private static EventHash.Content content(StoredEvent event) {
        try {
            return new EventHash.Content(
                    event.aggregateType(),
                    event.aggregateId(),
                    event.sequenceNumber(),
                    event.eventIdentifier(),
                    event.payloadType(),
                    event.payloadRevision(),
                    event.recordedAt(),
                    event.payload(),
                    EventHash.canonicalMetadata(event.metaData()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static StoredEvent withPayload(StoredEvent event, byte[] payload) {
        return new StoredEvent(
                event.position(),
                event.eventIdentifier(),
                event.aggregateId(),
                event.aggregateType(),
                event.sequenceNumber(),
                event.recordedAt(),
                event.payloadType(),
                event.payloadRevision(),
                payload,
                event.metaData());
    }

    private static StoredEvent withMetaData(StoredEvent event, String metaData) {
        return new StoredEvent(
                event.position(),
                event.eventIdentifier(),
                event.aggregateId(),
                event.aggregateType(),
                event.sequenceNumber(),
                event.recordedAt(),
                event.payloadType(),
                event.payloadRevision(),
                event.payload(),
                metaData.getBytes(UTF_8));
    }

    private static StoredEvent at(StoredEvent event, long position) {
        return new StoredEvent(
                position,
                event.eventIdentifier(),
                event.aggregateId(),
                event.aggregateType(),
                event.sequenceNumber(),
                event.recordedAt(),
                event.payloadType(),
                event.payloadRevision(),
                event.payload(),
                event.metaData());
    }
}
