package org.borderledger.command.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;

@WritePath(value = "/{id}/repairs", summary = "Record the repair of a damaged marker")
record RecordMarkerRepairRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate repairedOn, @Text(max = FieldLimits.TEXT) String description)
        implements Write.Request {

    @Override
    public RecordMarkerRepair command(String aggregateId, Submitter submitter) {
        return new RecordMarkerRepair(aggregateId, repairedOn, description, submitter);
    }
}
