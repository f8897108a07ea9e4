package org.borderledger.command.marker;

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

@WritePath(value = "/{id}/damage-reports", summary = "Report damage to a completed marker")
record ReportMarkerDamageRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate damagedOn,
        @NotBlank @Text(max = FieldLimits.TEXT) String description)
        implements Write.Request {

    @Override
    public ReportMarkerDamage command(String aggregateId, Submitter submitter) {
        return new ReportMarkerDamage(aggregateId, damagedOn, description, submitter);
    }
}
