package org.borderledger.command.jurisdiction;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.Province;

/** What may be asked of the reference data: one record per command, each naming its target and its submitter. */
sealed interface JurisdictionCommands {

    record ProposeJurisdictionChange(
            @TargetAggregateIdentifier String jurisdictionsId,
            String changeId,
            List<Province> entries,
            String reason,
            String source,
            LocalDate proposedOn,
            Submitter submittedBy)
            implements JurisdictionCommands {}

    record ApproveJurisdictionChange(
            @TargetAggregateIdentifier String jurisdictionsId,
            String changeId,
            LocalDate approvedOn,
            Submitter submittedBy)
            implements JurisdictionCommands {}
}
