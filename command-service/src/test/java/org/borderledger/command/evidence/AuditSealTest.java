package org.borderledger.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealChain;
import org.borderledger.evidence.SealSignatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AuditSealTest {

    private static final Instant NOW = Instant.parse("2024-03-25T08:00:00Z");
    private static final Seal LAST = new Seal(10, 8, "c0ffee", NOW.minusSeconds(600), null, null);
    private static final KeyPair KEY = SealSignatures.generate();
    /** The tree over the 8 events the seal {@link #LAST} covers. */
    private static final MerkleTree.Frontier LAST_TREE = tree(
            MerkleTree.Frontier.EMPTY, new long[] {1, 2, 3, 4, 5, 6, 8, 10}, "1", "2", "3", "4", "5", "6", "8", "x");

    private EventSealRepository seals;
    private AuditSeal seal;

    @BeforeEach
    void setUp() {
        seals = mock(EventSealRepository.class);
        SealKeys keys = mock(SealKeys.class);
        when(keys.signing()).thenReturn(KEY);
        seal = new AuditSeal(
                seals, keys, Clock.fixed(NOW.plusNanos(1_234_567), ZoneOffset.UTC), Duration.ofSeconds(60));
    }

    @Test
    void signsEachSealWithTheServicesKeyAtAWholeMillisecond() {
        when(seals.lastSealed()).thenReturn(Optional.empty());
        when(seals.eventsBetween(0, 1)).thenReturn(List.of(event(1, 1, "a")));

        seal.sealUpTo(1);

        Seal inserted = inserted();
        assertThat(inserted.keyId()).isEqualTo(SealSignatures.keyId(KEY.getPublic()));
        assertThat(inserted.sealedAt()).isEqualTo(NOW.plusMillis(1));
        assertThat(SealSignatures.verify(inserted, KEY.getPublic())).isTrue();
    }

    @Test
    void sealsTheFirstEventsFromTheEmptyChain() {
        when(seals.lastSealed()).thenReturn(Optional.empty());
        when(seals.eventsBetween(0, 3)).thenReturn(List.of(event(1, 1, "a"), event(2, 1, "b"), event(3, 1, "c")));

        seal.sealUpTo(3);

        String chain = SealChain.next(SealChain.next(SealChain.next(SealChain.GENESIS, 1, "a"), 2, "b"), 3, "c");
        assertThat(unsigned(inserted())).isEqualTo(new Seal(3, 3, chain, NOW.plusMillis(1), null, null));
    }

    @Test
    void continuesTheChainOfTheLastSealOverARolledBackPositionOnceItIsOld() {
        when(seals.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(LAST, null)));
        when(seals.treeUpTo(10)).thenReturn(LAST_TREE);
        when(seals.eventsBetween(10, 13)).thenReturn(List.of(event(11, 120, "a"), event(13, 90, "c")));

        seal.sealUpTo(13);

        String chain = SealChain.next(SealChain.next("c0ffee", 11, "a"), 13, "c");
        assertThat(unsigned(inserted())).isEqualTo(new Seal(13, 10, chain, NOW.plusMillis(1), null, null));
    }

    @Test
    void stopsBeforeAMissingPositionAWriteMayStillCommit() {
        when(seals.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(LAST, null)));
        when(seals.treeUpTo(10)).thenReturn(LAST_TREE);
        when(seals.eventsBetween(10, 13)).thenReturn(List.of(event(11, 5, "a"), event(13, 2, "c")));

        seal.sealUpTo(13);

        assertThat(unsigned(inserted()))
                .isEqualTo(new Seal(11, 9, SealChain.next("c0ffee", 11, "a"), NOW.plusMillis(1), null, null));
    }

    @Test
    void signsTheRootOfTheTreeOverEverySealedEventAndStoresItsRightEdge() {
        when(seals.lastSealed()).thenReturn(Optional.empty());
        when(seals.eventsBetween(0, 3)).thenReturn(List.of(event(1, 1, "a"), event(2, 1, "b"), event(3, 1, "c")));

        seal.sealUpTo(3);

        List<byte[]> leaves =
                List.of(MerkleTree.eventLeaf(1, "a"), MerkleTree.eventLeaf(2, "b"), MerkleTree.eventLeaf(3, "c"));
        ArgumentCaptor<MerkleTree.Frontier> edge = ArgumentCaptor.forClass(MerkleTree.Frontier.class);
        verify(seals).insert(any(), edge.capture());
        Seal inserted = inserted();
        assertThat(inserted.merkleRoot()).isEqualTo(MerkleTree.hex(MerkleTree.root(leaves)));
        assertThat(SealSignatures.verify(inserted, KEY.getPublic())).isTrue();
        assertThat(edge.getValue().size()).isEqualTo(3);
        assertThat(edge.getValue().root()).isEqualTo(MerkleTree.root(leaves));
    }

    @Test
    void continuesTheTreeOfTheLastSealWithoutReadingItsEventsAgain() {
        Seal rooted = new Seal(10, 8, "c0ffee", NOW.minusSeconds(600), null, null, MerkleTree.hex(LAST_TREE.root()));
        when(seals.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(rooted, LAST_TREE)));
        when(seals.eventsBetween(10, 11)).thenReturn(List.of(event(11, 1, "a")));

        seal.sealUpTo(11);

        assertThat(inserted().merkleRoot())
                .isEqualTo(MerkleTree.hex(tree(LAST_TREE, new long[] {11}, "a").root()));
        verify(seals, never()).treeUpTo(org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void buildsTheTreeOverTheEventsOfSealsMadeBeforeSealsCarriedARootInOnePass() {
        when(seals.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(LAST, null)));
        when(seals.treeUpTo(10)).thenReturn(LAST_TREE);
        when(seals.eventsBetween(10, 11)).thenReturn(List.of(event(11, 1, "a")));

        seal.sealUpTo(11);

        assertThat(inserted().merkleRoot())
                .isEqualTo(MerkleTree.hex(tree(LAST_TREE, new long[] {11}, "a").root()));
    }

    @Test
    void sealsWithoutARootWhenTheStoreNoLongerHoldsWhatTheLastSealCounted() {
        when(seals.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(LAST, null)));
        when(seals.treeUpTo(10)).thenReturn(tree(MerkleTree.Frontier.EMPTY, new long[] {1}, "1"));
        when(seals.eventsBetween(10, 11)).thenReturn(List.of(event(11, 1, "a")));

        seal.sealUpTo(11);

        Seal inserted = inserted();
        assertThat(inserted.merkleRoot()).isNull();
        assertThat(inserted.chainHash()).isEqualTo(SealChain.next("c0ffee", 11, "a"));
        verify(seals).insert(any(), org.mockito.ArgumentMatchers.isNull());
    }

    @Test
    void writesNothingWhenNothingNewCanBeSealed() {
        when(seals.lastSealed()).thenReturn(Optional.of(new EventSealRepository.Sealed(LAST, null)));
        when(seals.treeUpTo(10)).thenReturn(LAST_TREE);
        when(seals.eventsBetween(10, 12)).thenReturn(List.of(event(12, 1, "b")));

        seal.sealUpTo(10);
        seal.sealUpTo(12);

        verify(seals, never()).insert(any(), any());
    }

    private static Seal unsigned(Seal seal) {
        return new Seal(seal.position(), seal.eventsSealed(), seal.chainHash(), seal.sealedAt(), null, null);
    }

    private static MerkleTree.Frontier tree(MerkleTree.Frontier from, long[] positions, String... hashes) {
        MerkleTree.Frontier tree = from;
        for (int i = 0; i < positions.length; i++) {
            tree = tree.append(MerkleTree.eventLeaf(positions[i], hashes[i]));
        }
        return tree;
    }

    private Seal inserted() {
        ArgumentCaptor<Seal> captor = ArgumentCaptor.forClass(Seal.class);
        verify(seals).insert(captor.capture(), any());
        return captor.getValue();
    }

    private static EventSealRepository.Sealable event(long position, long secondsAgo, String hash) {
        return new EventSealRepository.Sealable(
                position, DateTimeUtils.formatInstant(NOW.minusSeconds(secondsAgo)), hash);
    }
}
