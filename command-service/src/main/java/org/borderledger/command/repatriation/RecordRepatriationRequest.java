package org.borderledger.command.repatriation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;

@WritePath(value = "/{id}/repatriations", summary = "Record remains repatriated through a border gate")
record RecordRepatriationRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate repatriatedOn,
        @NotNull @Positive Integer count,
        @Text(max = FieldLimits.BORDER_GATE) String borderGate,
        @Text(max = FieldLimits.NAME) String receivingUnit)
        implements Write.Request {

    @Override
    public RecordRepatriation command(String aggregateId, Submitter submitter) {
        return new RecordRepatriation(aggregateId, repatriatedOn, count, borderGate, receivingUnit, submitter);
    }
}
