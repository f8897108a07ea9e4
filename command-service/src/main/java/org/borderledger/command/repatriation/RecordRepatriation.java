package org.borderledger.command.repatriation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

record RecordRepatriation(
        @TargetAggregateIdentifier String caseId,
        LocalDate repatriatedOn,
        int count,
        String borderGate,
        String receivingUnit,
        Submitter submittedBy) {}
