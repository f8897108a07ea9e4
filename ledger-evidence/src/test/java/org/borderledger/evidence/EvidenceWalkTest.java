package org.borderledger.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walk over a store built in memory: events of both hash versions and signed seals, tampered with in every way
 * the walk must notice.
 */
class EvidenceWalkTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final KeyPair KEY = SealSignatures.generate();
    private static final KeyPair OTHER_KEY = SealSignatures.generate();

    /** Events and seals in the order a walk is handed them (a seal right after the event at its position). */
    private final List<Object> store = new ArrayList<>();

    private final Map<String, String> lastHash = new HashMap<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private long position = 100;
    private int hashVersion = 1;
    private KeyPair signingKey = null;

    @BeforeEach
    void store() {
        append("A", "{\"caseId\":\"A\",\"count\":1}");
        append("B", "{\"caseId\":\"B\",\"count\":2}");
        seal();
        hashVersion = 2;
        signingKey = KEY;
        append("A", "{\"caseId\":\"A\",\"count\":3}");
        position += 3; // positions of rolled-back writes
        append("A", "{\"caseId\":\"A\",\"count\":4}");
        append("B", "{\"caseId\":\"B\",\"count\":5}");
        seal();
        append("C", "{\"caseId\":\"C\",\"count\":6}");
        seal();
    }

    @Test
    void aStoreOfBothHashVersionsAndSignedSealsIsValid() {
        EvidenceWalk.Result result = walk();

        assertThat(result.firstBroken()).isNull();
        assertThat(result.eventsChecked()).isEqualTo(6);
        assertThat(result.sealsChecked()).isEqualTo(3);
        assertThat(result.lastSignedSeal().position()).isEqualTo(event(5).position());
        assertThat(new String(event(0).metaData(), UTF_8)).doesNotContain("hashversion");
        assertThat(new String(event(2).metaData(), UTF_8)).contains("\"hashversion\":\"2\"");
    }

    @Test
    void aChangedPayloadBreaksItsEventInEitherVersion() {
        for (int i : new int[] {0, 2}) {
            store();
            StoredEvent event = event(i);
            replace(event, withPayload(event, "{\"caseId\":\"A\",\"count\":30}"));

            assertBroken(event.position(), "A", EvidenceWalk.ALTERED);
            store.clear();
            lastHash.clear();
            nextSequence.clear();
            hashVersion = 1;
            signingKey = null;
        }
    }

    @Test
    void changedOrStrippedMetadataBreaksItsEvent() {
        StoredEvent event = event(3);
        String metaData = new String(event.metaData(), UTF_8);
        replace(event, withMetaData(event, metaData.replace("KG-POST", "KP-POST")));
        assertBroken(event.position(), "A", EvidenceWalk.ALTERED);

        replace(event(3), withMetaData(event, metaData.replace(",\"hashversion\":\"2\"", "")));
        assertBroken(event.position(), "A", EvidenceWalk.ALTERED);

        replace(event(3), withMetaData(event, metaData.replace("\"hashversion\":\"2\"", "\"hashversion\":\"7\"")));
        assertBroken(event.position(), "A", "unknown hash version 7");
    }

    @Test
    void aMissingEventInsideAnAggregateBreaksTheNextOne() {
        StoredEvent next = event(3);
        store.remove(event(2));
        store.removeIf(Seal.class::isInstance);

        assertBroken(next.position(), "A", "event missing before sequence 2");
    }

    @Test
    void aForgedEventWithAValidHashBreaksTheLinkOfTheNextOne() throws IOException {
        StoredEvent forged = event(2);
        StoredEvent changed = withPayload(forged, "{\"caseId\":\"A\",\"count\":300}");
        EventHash.Stored stored = EventHash.read(forged.metaData());
        String hash = EventHash.recompute(changed, stored);
        replace(forged, withMetaData(changed, metaData(stored.previousHash(), hash, 2)));
        store.removeIf(Seal.class::isInstance);

        assertBroken(event(3).position(), "A", EvidenceWalk.LINK_BROKEN);
    }

    @Test
    void theDeletedLastEventOfAnAggregateBreaksTheSealAfterIt() {
        Seal seal = seal(1);
        store.remove(event(4)); // B's last event, which the second seal covers

        assertBroken(
                seal.position(),
                null,
                "global seal mismatch at position " + seal.position()
                        + ": events deleted or reordered before it (after the seal at position "
                        + seal(0).position() + ")");
    }

    @Test
    void aStoreWhoseSealedTailIsGoneSaysWhereItNowEnds() {
        long end = event(4).position();
        long sealed = seal(2).position();
        store.remove(event(5));

        assertBroken(
                sealed,
                null,
                "store ends at position " + end + " but position " + sealed
                        + " was sealed: the events after it were deleted or lost");
    }

    @Test
    void aStoreWhoseTailAndSealIsGoneSaysWhatWasPublished() {
        long published = event(5).position();
        long end = event(4).position();
        store.remove(seal(2));
        store.remove(event(5));

        EvidenceWalk.Result result = walk(OptionalLong.of(published));

        assertThat(result.firstBroken())
                .isEqualTo(new EvidenceWalk.Broken(
                        published,
                        null,
                        "store ends at position " + end + " but position " + published
                                + " was published: the events after it were deleted or lost",
                        Rejection.STORE_TRUNCATED));
    }

    @Test
    void eventsSwappingPositionsBreakTheSealAfterThem() {
        StoredEvent a = event(3);
        StoredEvent b = event(4);
        int i = store.indexOf(a);
        int j = store.indexOf(b);
        store.set(i, at(b, a.position()));
        store.set(j, at(a, b.position()));

        assertThat(walk().firstBroken().position()).isEqualTo(seal(1).position());
        assertThat(walk().firstBroken().reason()).startsWith("global seal mismatch");
    }

    @Test
    void aSealReSignedWithAnotherKeyNamesTheUnknownKey() {
        Seal seal = seal(1);
        Seal forged = SealSignatures.sign(unsigned(seal), OTHER_KEY);
        store.set(store.indexOf(seal), forged);

        assertBroken(
                seal.position(),
                null,
                "seal at position " + seal.position() + " is signed with unknown key "
                        + SealSignatures.keyId(OTHER_KEY.getPublic()));
    }

    @Test
    void aSealWhoseSignatureDoesNotCoverItFails() {
        Seal seal = seal(1);
        Seal otherKeyUnderOurName = new Seal(
                seal.position(),
                seal.eventsSealed(),
                seal.chainHash(),
                seal.sealedAt(),
                seal.keyId(),
                SealSignatures.sign(unsigned(seal), OTHER_KEY).signature());
        store.set(store.indexOf(seal), otherKeyUnderOurName);

        assertBroken(
                seal.position(),
                null,
                "seal at position " + seal.position() + ": signature does not verify with key " + seal.keyId());

        Seal later = new Seal(
                seal.position(),
                seal.eventsSealed(),
                seal.chainHash(),
                seal.sealedAt().plusMillis(1),
                seal.keyId(),
                seal.signature());
        store.set(store.indexOf(otherKeyUnderOurName), later);
        assertThat(walk().firstBroken().reason()).endsWith("signature does not verify with key " + seal.keyId());
    }

    @Test
    void anUnsignedSealAfterASignedOneIsABreak() {
        Seal last = seal(2);
        store.set(store.indexOf(last), unsigned(last));

        assertBroken(last.position(), null, "seal at position " + last.position() + " is unsigned after signed seals");
    }

    @Test
    void anOfflineCheckNeedsASealSignedWithATrustedKey() {
        EvidenceWalk.Result result = walk(Map.of(), OptionalLong.empty(), true);

        assertThat(result.firstBroken().reason()).startsWith("seal at position " + seal(1).position());

        store.replaceAll(item -> item instanceof Seal seal ? unsigned(seal) : item);
        assertThat(walk(Map.of(), OptionalLong.empty(), true).firstBroken())
                .isEqualTo(new EvidenceWalk.Broken(
                        0,
                        null,
                        "no seal is signed with a trusted key: nothing ties these events to the ledger's key",
                        Rejection.NO_TRUSTED_SEAL));
        assertThat(walk(Map.of(), OptionalLong.empty(), false).valid()).isTrue();
    }

    @Test
    void oldSealsKeepVerifyingWithTheOldPublicKeyAfterARotation() {
        signingKey = OTHER_KEY;
        append("C", "{\"caseId\":\"C\",\"count\":7}");
        seal();
        Map<String, PublicKey> both = Map.of(
                SealSignatures.keyId(KEY.getPublic()), KEY.getPublic(),
                SealSignatures.keyId(OTHER_KEY.getPublic()), OTHER_KEY.getPublic());

        assertThat(walk(both, OptionalLong.empty(), true).valid()).isTrue();
        assertThat(walk(both, OptionalLong.empty(), true).lastSignedSeal().keyId())
                .isEqualTo(SealSignatures.keyId(OTHER_KEY.getPublic()));
        assertThat(walk(
                                Map.of(SealSignatures.keyId(OTHER_KEY.getPublic()), OTHER_KEY.getPublic()),
                                OptionalLong.empty(),
                                true)
                        .firstBroken()
                        .reason())
                .isEqualTo("seal at position " + seal(1).position() + " is signed with unknown key "
                        + SealSignatures.keyId(KEY.getPublic()));
    }

    @Test
    void aWalkAfterAVerifiedSealChecksOnlyWhatFollowsIt() {
        Seal verified = seal(1);
        EvidenceWalk walk = new EvidenceWalk(EvidenceWalk.Start.after(verified), trusted());
        walk.storeEnds(event(5).position());
        walk.event(event(5), null);
        walk.seal(seal(2));

        EvidenceWalk.Result result = walk.finish(OptionalLong.empty(), true);
        assertThat(result.valid()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(1);

        EvidenceWalk cut = new EvidenceWalk(EvidenceWalk.Start.after(verified), trusted());
        cut.storeEnds(event(3).position());
        assertThat(cut.finish(OptionalLong.empty(), false).firstBroken().reason())
                .isEqualTo("store ends at position " + event(3).position() + " but position " + verified.position()
                        + " was sealed: the events after it were deleted or lost");
    }

    @Test
    void aSealsMerkleRootMustBeTheRootOverTheEventsUpToIt() {
        Seal last = seal(2);
        List<byte[]> leaves = new ArrayList<>();
        for (Object item : store) {
            if (item instanceof StoredEvent event) {
                leaves.add(MerkleTree.leafHash(event.position(), EventHash.storedHash(event.metaData())));
            }
        }
        Seal rooted = SealSignatures.sign(unsigned(last).withMerkleRoot(MerkleTree.hex(MerkleTree.root(leaves))), KEY);
        store.set(store.indexOf(last), rooted);
        assertThat(pinnedWalk(PinnedKeys.unbounded(trusted())).firstBroken()).isNull();

        Seal wrong = SealSignatures.sign(
                unsigned(last).withMerkleRoot(MerkleTree.hex(MerkleTree.root(leaves.subList(0, 5)))), KEY);
        store.set(store.indexOf(rooted), wrong);
        EvidenceWalk.Broken broken = pinnedWalk(PinnedKeys.unbounded(trusted())).firstBroken();
        assertThat(broken.code()).isEqualTo(Rejection.SEAL_MERKLE_ROOT_MISMATCH);
        assertThat(broken.position()).isEqualTo(last.position());
    }

    @Test
    void aSealBeyondItsKeysRangeOfPositionsIsABreak() throws IOException {
        Seal last = seal(2);
        String pinned = "{\"format\":\"" + PinnedKeys.FORMAT + "\",\"keys\":[{\"keyId\":\""
                + SealSignatures.keyId(KEY.getPublic()) + "\",\"publicKeyPem\":"
                + json.writeValueAsString(SealSignatures.pem(KEY.getPublic())) + ",\"validFromPosition\":0,"
                + "\"validToPosition\":" + (last.position() - 1) + "}]}";

        EvidenceWalk.Broken broken = pinnedWalk(PinnedKeys.parse(pinned)).firstBroken();

        assertThat(broken.code()).isEqualTo(Rejection.SEAL_KEY_OUT_OF_RANGE);
        assertThat(broken.reason())
                .isEqualTo("seal at position " + last.position() + " is signed with key "
                        + SealSignatures.keyId(KEY.getPublic()) + ", which may sign positions 0.."
                        + (last.position() - 1) + " only");
    }

    @Test
    void anEventAtOrBelowThePreviousPositionIsABreak() {
        StoredEvent first = event(0);
        store.add(1, first);

        EvidenceWalk.Broken broken = walk().firstBroken();

        assertThat(broken.code()).isEqualTo(Rejection.POSITION_NOT_INCREASING);
        assertThat(broken.position()).isEqualTo(first.position());
    }

    private EvidenceWalk.Result pinnedWalk(PinnedKeys keys) {
        EvidenceWalk walk = new EvidenceWalk(EvidenceWalk.Start.GENESIS, keys, MerkleTree.Frontier.EMPTY);
        for (Object item : store) {
            if (item instanceof StoredEvent event) {
                walk.event(event, null);
            } else {
                walk.seal((Seal) item);
            }
        }
        return walk.finish(OptionalLong.empty(), true);
    }

    private EvidenceWalk.Result walk() {
        return walk(OptionalLong.empty());
    }

    private EvidenceWalk.Result walk(OptionalLong published) {
        return walk(trusted(), published, false);
    }

    private EvidenceWalk.Result walk(Map<String, PublicKey> keys, OptionalLong published, boolean requireSignature) {
        EvidenceWalk walk = new EvidenceWalk(EvidenceWalk.Start.GENESIS, keys);
        for (Object item : store) {
            if (item instanceof StoredEvent event) {
                walk.event(event, null);
            } else {
                walk.seal((Seal) item);
            }
        }
        return walk.finish(published, requireSignature);
    }

    private static Map<String, PublicKey> trusted() {
        return Map.of(SealSignatures.keyId(KEY.getPublic()), KEY.getPublic());
    }

    private void assertBroken(long position, String aggregateId, String reason) {
        EvidenceWalk.Result result = walk();

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken())
                .extracting(
                        EvidenceWalk.Broken::position, EvidenceWalk.Broken::aggregateId, EvidenceWalk.Broken::reason)
                .containsExactly(position, aggregateId, reason);
        assertThat(result.firstBroken().code()).isNotNull();
    }

    private StoredEvent event(int index) {
        return store.stream()
                .filter(StoredEvent.class::isInstance)
                .map(StoredEvent.class::cast)
                .toList()
                .get(index);
    }

    private Seal seal(int index) {
        return store.stream()
                .filter(Seal.class::isInstance)
                .map(Seal.class::cast)
                .toList()
                .get(index);
    }

    private void replace(StoredEvent was, StoredEvent now) {
        store.set(store.indexOf(was), now);
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
        ObjectNode rest = json.createObjectNode().put("unit", "KG-POST");
        if (hashVersion == 2) {
            rest.put(EventHash.VERSION, "2");
        }
        String hash;
        try {
            hash = EventHash.of(
                    hashVersion,
                    new EventHash.Content(
                            unhashed.aggregateType(),
                            aggregateId,
                            sequence,
                            unhashed.eventIdentifier(),
                            unhashed.payloadType(),
                            null,
                            unhashed.recordedAt(),
                            unhashed.payload(),
                            rest),
                    previous);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        store.add(withMetaData(unhashed, metaData(previous, hash, hashVersion)));
        lastHash.put(aggregateId, hash);
    }

    private void seal() {
        String chain = SealChain.GENESIS;
        long count = 0;
        for (Object item : store) {
            if (item instanceof StoredEvent event) {
                chain = SealChain.next(chain, event.position(), EventHash.storedHash(event.metaData()));
                count++;
            }
        }
        Seal seal = new Seal(position, count, chain, Instant.parse("2024-03-25T09:00:00.250Z"), null, null);
        store.add(signingKey == null ? seal : SealSignatures.sign(seal, signingKey));
    }

    private static Seal unsigned(Seal seal) {
        return new Seal(seal.position(), seal.eventsSealed(), seal.chainHash(), seal.sealedAt(), null, null);
    }

    private static String metaData(String previousHash, String hash, int version) {
        return "{\"unit\":\"KG-POST\"" + (version == 2 ? ",\"hashversion\":\"2\"" : "") + ",\"previoushash\":\""
                + previousHash + "\",\"hash\":\"" + hash + "\"}";
    }

    private static StoredEvent withPayload(StoredEvent event, String payload) {
        return new StoredEvent(
                event.position(),
                event.eventIdentifier(),
                event.aggregateId(),
                event.aggregateType(),
                event.sequenceNumber(),
                event.recordedAt(),
                event.payloadType(),
                event.payloadRevision(),
                payload.getBytes(UTF_8),
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
