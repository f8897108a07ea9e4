package org.borderledger.command.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;

/** What may be asked of a cooperation agreement: one record per command, each naming its target and its submitter. */
sealed interface AgreementCommands {

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
            Submitter submittedBy)
            implements AgreementCommands {}

    record RecordAgreementReview(
            @TargetAggregateIdentifier String agreementId,
            LocalDate reviewedOn,
            LocalDate periodFrom,
            LocalDate periodTo,
            String summary,
            Submitter submittedBy)
            implements AgreementCommands {}

    /** {@code domains} and {@code validTo} are {@code null} where the amendment leaves them unchanged. */
    record AmendAgreement(
            @TargetAggregateIdentifier String agreementId,
            LocalDate amendedOn,
            String summary,
            Set<CooperationDomain> domains,
            LocalDate validTo,
            String documentRef,
            Submitter submittedBy)
            implements AgreementCommands {}

    record TerminateAgreement(
            @TargetAggregateIdentifier String agreementId, LocalDate terminatedOn, String reason, Submitter submittedBy)
            implements AgreementCommands {}
}
