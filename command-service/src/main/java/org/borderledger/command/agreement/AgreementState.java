package org.borderledger.command.agreement;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.borderledger.command.AuditedState;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;

/** A cooperation agreement: signed, reviewed and amended any number of times, until terminated. */
public record AgreementState(
        String agreementId,
        String title,
        List<String> parties,
        Status status,
        LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validTo,
        Set<CooperationDomain> domains,
        int reviews,
        LocalDate lastReviewedOn,
        int amendments,
        LocalDate lastAmendedOn,
        LocalDate terminatedOn)
        implements AuditedState {

    enum Status {
        SIGNED,
        TERMINATED
    }

    /** The state the aggregate's first event creates; {@link UnexpectedEvent} for any other first event. */
    public static AgreementState begin(Object first) {
        if (first instanceof AgreementSigned event) {
            return signed(event);
        }
        throw new UnexpectedEvent("no agreement yet", first);
    }

    private static AgreementState signed(AgreementSigned event) {
        return new AgreementState(
                event.agreementId(),
                event.title(),
                event.parties(),
                Status.SIGNED,
                event.signedOn(),
                event.validFrom(),
                event.validTo(),
                domains(event.domains()),
                0,
                null,
                0,
                null,
                null);
    }

    @Override
    public AgreementState apply(Object event) {
        if (event instanceof AgreementReviewed reviewed) {
            return new AgreementState(
                    agreementId,
                    title,
                    parties,
                    status,
                    signedOn,
                    validFrom,
                    validTo,
                    domains,
                    reviews + 1,
                    reviewed.reviewedOn(),
                    amendments,
                    lastAmendedOn,
                    terminatedOn);
        }
        if (event instanceof AgreementAmended amended) {
            return new AgreementState(
                    agreementId,
                    title,
                    parties,
                    status,
                    signedOn,
                    validFrom,
                    amended.validTo() != null ? amended.validTo() : validTo,
                    amended.domains() != null ? domains(amended.domains()) : domains,
                    reviews,
                    lastReviewedOn,
                    amendments + 1,
                    amended.amendedOn(),
                    terminatedOn);
        }
        if (event instanceof AgreementTerminated terminated) {
            return new AgreementState(
                    agreementId,
                    title,
                    parties,
                    Status.TERMINATED,
                    signedOn,
                    validFrom,
                    validTo,
                    domains,
                    reviews,
                    lastReviewedOn,
                    amendments,
                    lastAmendedOn,
                    terminated.terminatedOn());
        }
        throw new UnexpectedEvent("an agreement", event);
    }

    /** In the order of the enum, so the same domains always read the same. */
    private static Set<CooperationDomain> domains(Set<CooperationDomain> domains) {
        return domains == null || domains.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(domains));
    }
}
