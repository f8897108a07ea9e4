package org.borderledger.command.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

record RecordAgreementReview(
        @TargetAggregateIdentifier String agreementId,
        LocalDate reviewedOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        String summary,
        Submitter submittedBy) {}
