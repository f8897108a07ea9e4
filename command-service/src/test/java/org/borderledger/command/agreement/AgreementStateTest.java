package org.borderledger.command.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderledger.command.AuditedState;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.junit.jupiter.api.Test;

class AgreementStateTest {

    private static final String AGREEMENT = "AGR-2014-001";
    private static final AgreementSigned SIGNED = new AgreementSigned(
            AGREEMENT,
            "Cooperation plan 2014-2015",
            List.of("VN-47", "KH-7"),
            LocalDate.of(2014, 5, 26),
            "Rạch Giá",
            List.of(new Signatory("A", "Vice-chairman", "VN-47")),
            Set.of(CooperationDomain.TRADE, CooperationDomain.BORDER_SECURITY),
            LocalDate.of(2014, 5, 26),
            LocalDate.of(2015, 12, 31),
            "KH-HT/2014/05");

    @Test
    void aSignedAgreementIsInForceOverItsValidityWithItsDomains() {
        AgreementState signed = fold(SIGNED);

        assertThat(signed.status()).isEqualTo(AgreementState.Status.SIGNED);
        assertThat(signed.validFrom()).isEqualTo(LocalDate.of(2014, 5, 26));
        assertThat(signed.validTo()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(signed.domains()).containsExactly(CooperationDomain.BORDER_SECURITY, CooperationDomain.TRADE);
        assertThat(signed.reviews()).isZero();
    }

    @Test
    void countsReviewsAndTakesWhatAnAmendmentChangesLeavingTheRest() {
        AgreementState state = fold(
                SIGNED,
                new AgreementReviewed(
                        AGREEMENT,
                        LocalDate.of(2015, 3, 1),
                        LocalDate.of(2014, 5, 26),
                        LocalDate.of(2014, 12, 31),
                        "s"),
                new AgreementAmended(
                        AGREEMENT, LocalDate.of(2015, 6, 1), "extended", null, LocalDate.of(2016, 12, 31), null),
                new AgreementAmended(
                        AGREEMENT, LocalDate.of(2015, 7, 1), "tourism", Set.of(CooperationDomain.TOURISM), null, null),
                new AgreementReviewed(
                        AGREEMENT,
                        LocalDate.of(2016, 3, 1),
                        LocalDate.of(2015, 1, 1),
                        LocalDate.of(2015, 12, 31),
                        "s"));

        assertThat(state.status()).isEqualTo(AgreementState.Status.SIGNED);
        assertThat(state.validFrom()).isEqualTo(LocalDate.of(2014, 5, 26));
        assertThat(state.validTo()).isEqualTo(LocalDate.of(2016, 12, 31));
        assertThat(state.domains()).containsExactly(CooperationDomain.TOURISM);
        assertThat(state.reviews()).isEqualTo(2);
        assertThat(state.lastReviewedOn()).isEqualTo(LocalDate.of(2016, 3, 1));
        assertThat(state.amendments()).isEqualTo(2);
        assertThat(state.lastAmendedOn()).isEqualTo(LocalDate.of(2015, 7, 1));
    }

    @Test
    void isTerminatedFromItsTermination() {
        AgreementState state = fold(SIGNED, new AgreementTerminated(AGREEMENT, LocalDate.of(2015, 1, 1), "superseded"));

        assertThat(state.status()).isEqualTo(AgreementState.Status.TERMINATED);
        assertThat(state.terminatedOn()).isEqualTo(LocalDate.of(2015, 1, 1));
    }

    private static AgreementState fold(Object... events) {
        return (AgreementState)
                AuditedState.fold(AgreementState::begin, List.of(events)).orElseThrow();
    }
}
