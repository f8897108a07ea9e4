package org.borderledger.command.repatriation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.repatriation.RecoverySite;

record RecordRemainsRecovery(
        @TargetAggregateIdentifier String caseId,
        LocalDate recoveredOn,
        int count,
        RecoverySite site,
        Submitter submittedBy) {}
