package org.borderledger.command.repatriation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.repatriation.RecoverySite;

/** What may be asked of a repatriation case: one record per command, each naming its target and its submitter. */
sealed interface RepatriationCaseCommands {

    /** {@code searchingUnit} is null when the request names none: the submitting unit searches. */
    record OpenRepatriationCase(
            @TargetAggregateIdentifier String caseId,
            String season,
            String searchProvince,
            String searchingUnit,
            Submitter submittedBy)
            implements RepatriationCaseCommands {}

    record RecordRemainsRecovery(
            @TargetAggregateIdentifier String caseId,
            LocalDate recoveredOn,
            int count,
            RecoverySite site,
            Submitter submittedBy)
            implements RepatriationCaseCommands {}

    record RecordRepatriation(
            @TargetAggregateIdentifier String caseId,
            LocalDate repatriatedOn,
            int count,
            String borderGate,
            String receivingUnit,
            Submitter submittedBy)
            implements RepatriationCaseCommands {}
}
