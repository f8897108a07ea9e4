package org.borderledger.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.borderledger.command.audit.EventLogRepository;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The proofs the store cannot give, each refused with its status, type and field, and nothing read for them. */
class EvidenceProofsTest {

    private static final Instant AT = Instant.parse("2024-03-25T08:00:00Z");
    private static final String HASH = "ab".repeat(32);

    private EventLogRepository log;
    private EventSealRepository seals;
    private EvidenceProofs proofs;

    @BeforeEach
    void setUp() {
        log = mock(EventLogRepository.class);
        seals = mock(EventSealRepository.class);
        proofs = new EvidenceProofs(log, seals, new ObjectMapper(), 10, Duration.ofMillis(10));
        when(log.at(anyLong())).thenAnswer(call -> Optional.of(event(call.getArgument(0))));
    }

    @Test
    void aSealMadeBeforeSealsCarriedARootProvesNothing() {
        when(seals.at(3)).thenReturn(Optional.of(new Seal(3, 3, HASH, AT, null, null)));

        assertRefused(() -> proofs.inclusion(2, 3L), HttpStatus.CONFLICT, "seal-without-merkle-root", "seal");
        when(seals.at(5)).thenReturn(Optional.of(rooted(5, 5)));
        assertRefused(() -> proofs.consistency(5, 3), HttpStatus.CONFLICT, "seal-without-merkle-root", "from");
        verify(log, never()).leaves(anyLong(), anyLong(), anyInt());
    }

    @Test
    void withoutANamedSealTheLatestWithARootMustCoverTheEvent() {
        when(seals.lastWithRoot()).thenReturn(Optional.empty());
        assertRefused(() -> proofs.inclusion(2, null), HttpStatus.CONFLICT, "seal-without-merkle-root", "seal");

        when(seals.lastWithRoot()).thenReturn(Optional.of(rooted(5, 5)));
        assertRefused(() -> proofs.inclusion(7, null), HttpStatus.CONFLICT, "event-not-yet-sealed", "position");
    }

    @Test
    void noEventNoSealOrASealBeforeTheEventIsRefused() {
        when(log.at(9)).thenReturn(Optional.empty());
        assertRefused(() -> proofs.inclusion(9, null), HttpStatus.NOT_FOUND, "unknown-event", "position");

        when(seals.at(4)).thenReturn(Optional.empty());
        assertRefused(() -> proofs.inclusion(2, 4L), HttpStatus.NOT_FOUND, "unknown-seal", "seal");

        when(seals.at(5)).thenReturn(Optional.of(rooted(5, 5)));
        assertRefused(() -> proofs.inclusion(7, 5L), HttpStatus.UNPROCESSABLE_ENTITY, "seal-before-position", "seal");
        when(seals.at(8)).thenReturn(Optional.of(rooted(8, 8)));
        assertRefused(
                () -> proofs.consistency(5, 8), HttpStatus.UNPROCESSABLE_ENTITY, "seal-before-position", "position");
    }

    @Test
    void aStoreThatNoLongerHoldsWhatTheSealSealedGivesNoProof() {
        when(seals.at(5)).thenReturn(Optional.of(rooted(5, 5)));
        when(log.leaves(5, 2, 10)).thenReturn(new EventLogRepository.Leaves(List.of(MerkleTree.eventLeaf(2, HASH)), 0));

        assertRefused(() -> proofs.inclusion(2, 5L), HttpStatus.CONFLICT, "seal-does-not-match-store", "seal");
    }

    @Test
    void aSealOverMoreEventsThanOneProofReadsIsRefused() {
        when(seals.at(50)).thenReturn(Optional.of(rooted(50, 50)));
        when(log.leaves(50, 2, 10)).thenThrow(new EventLogRepository.TooManyLeaves(10));

        assertRefused(() -> proofs.inclusion(2, 50L), HttpStatus.UNPROCESSABLE_ENTITY, "proof-too-large", "seal");
    }

    private static void assertRefused(Runnable call, HttpStatus status, String type, String field) {
        ProofRefused refused = null;
        try {
            call.run();
        } catch (ProofRefused expected) {
            refused = expected;
        }
        assertThat(refused).as("refused as " + type).isNotNull();
        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.type()).isEqualTo(type);
        assertThat(refused.fields()).containsExactly(field);
    }

    private static Seal rooted(long position, long events) {
        return new Seal(position, events, HASH, AT, null, null, HASH);
    }

    private static StoredEvent event(long position) {
        return new StoredEvent(
                position,
                "e" + position,
                "A",
                "T",
                0,
                "2024-03-25T08:00:00.000Z",
                "P",
                null,
                "{}".getBytes(),
                ("{\"hash\":\"" + HASH + "\"}").getBytes());
    }
}
