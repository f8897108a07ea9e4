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
        when(seals.last()).thenReturn(Optional.empty());
        when(seals.eventsBetween(0, 1)).thenReturn(List.of(event(1, 1, "a")));

        seal.sealUpTo(1);

        Seal inserted = inserted();
        assertThat(inserted.keyId()).isEqualTo(SealSignatures.keyId(KEY.getPublic()));
        assertThat(inserted.sealedAt()).isEqualTo(NOW.plusMillis(1));
        assertThat(SealSignatures.verify(inserted, KEY.getPublic())).isTrue();
    }

    @Test
    void sealsTheFirstEventsFromTheEmptyChain() {
        when(seals.last()).thenReturn(Optional.empty());
        when(seals.eventsBetween(0, 3)).thenReturn(List.of(event(1, 1, "a"), event(2, 1, "b"), event(3, 1, "c")));

        seal.sealUpTo(3);

        String chain = SealChain.next(SealChain.next(SealChain.next(SealChain.GENESIS, 1, "a"), 2, "b"), 3, "c");
        assertThat(unsigned(inserted())).isEqualTo(new Seal(3, 3, chain, NOW.plusMillis(1), null, null));
    }

    @Test
    void continuesTheChainOfTheLastSealOverARolledBackPositionOnceItIsOld() {
        when(seals.last()).thenReturn(Optional.of(LAST));
        when(seals.eventsBetween(10, 13)).thenReturn(List.of(event(11, 120, "a"), event(13, 90, "c")));

        seal.sealUpTo(13);

        String chain = SealChain.next(SealChain.next("c0ffee", 11, "a"), 13, "c");
        assertThat(unsigned(inserted())).isEqualTo(new Seal(13, 10, chain, NOW.plusMillis(1), null, null));
    }

    @Test
    void stopsBeforeAMissingPositionAWriteMayStillCommit() {
        when(seals.last()).thenReturn(Optional.of(LAST));
        when(seals.eventsBetween(10, 13)).thenReturn(List.of(event(11, 5, "a"), event(13, 2, "c")));

        seal.sealUpTo(13);

        assertThat(unsigned(inserted()))
                .isEqualTo(new Seal(11, 9, SealChain.next("c0ffee", 11, "a"), NOW.plusMillis(1), null, null));
    }

    @Test
    void writesNothingWhenNothingNewCanBeSealed() {
        when(seals.last()).thenReturn(Optional.of(LAST));
        when(seals.eventsBetween(10, 12)).thenReturn(List.of(event(12, 1, "b")));

        seal.sealUpTo(10);
        seal.sealUpTo(12);

        verify(seals, never()).insert(any());
    }

    private static Seal unsigned(Seal seal) {
        return new Seal(seal.position(), seal.eventsSealed(), seal.chainHash(), seal.sealedAt(), null, null);
    }

    private Seal inserted() {
        ArgumentCaptor<Seal> captor = ArgumentCaptor.forClass(Seal.class);
        verify(seals).insert(captor.capture());
        return captor.getValue();
    }

    private static EventSealRepository.Sealable event(long position, long secondsAgo, String hash) {
        return new EventSealRepository.Sealable(
                position, DateTimeUtils.formatInstant(NOW.minusSeconds(secondsAgo)), hash);
    }
}
