package org.borderledger.command.agreement;

import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.agreement.CooperationDomain;

/** {@code domains} and {@code validTo} are {@code null} where the amendment leaves them unchanged. */
record AmendAgreement(
        @TargetAggregateIdentifier String agreementId,
        LocalDate amendedOn,
        String summary,
        Set<CooperationDomain> domains,
        LocalDate validTo,
        String documentRef,
        Submitter submittedBy) {}
