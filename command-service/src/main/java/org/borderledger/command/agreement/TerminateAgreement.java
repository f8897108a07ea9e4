package org.borderledger.command.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

record TerminateAgreement(
        @TargetAggregateIdentifier String agreementId, LocalDate terminatedOn, String reason, Submitter submittedBy) {}
