package org.borderledger.command.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;

@WritePath(
        value = "/{id}/confirmations",
        summary = "Confirm a reported marker (a unit of the other side): only then it counts as completed")
record ConfirmMarkerCompletionRequest(@NotNull @PastOrPresent @BusinessDate LocalDate confirmedOn)
        implements Write.Request {

    @Override
    public ConfirmMarkerCompletion command(String aggregateId, Submitter submitter) {
        return new ConfirmMarkerCompletion(aggregateId, confirmedOn, submitter);
    }
}
