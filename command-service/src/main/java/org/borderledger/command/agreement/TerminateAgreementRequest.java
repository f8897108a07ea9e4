package org.borderledger.command.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;

@WritePath(value = "/{id}/termination", summary = "Terminate an agreement; nothing can be recorded on it afterwards")
record TerminateAgreementRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate terminatedOn,
        @NotBlank @Text(max = FieldLimits.TEXT) String reason)
        implements Write.Request {

    @Override
    public TerminateAgreement command(String aggregateId, Submitter submitter) {
        return new TerminateAgreement(aggregateId, terminatedOn, reason, submitter);
    }
}
