package org.borderledger.command.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;

/** {@code parties} are the province codes of the two signing provinces, such as {@code VN-47} and {@code KH-7}. */
record SignAgreement(
        @TargetAggregateIdentifier String agreementId,
        String title,
        List<String> parties,
        LocalDate signedOn,
        String place,
        List<Signatory> signatories,
        Set<CooperationDomain> domains,
        LocalDate validFrom,
        LocalDate validTo,
        String documentRef,
        Submitter submittedBy) {}
