package org.borderledger.command.repatriation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;

@WritePath(value = "/{id}/recoveries", summary = "Record remains recovered (exhumed) on a date at a site")
record RecordRemainsRecoveryRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate recoveredOn,
        @NotNull @Positive Integer count,
        @NotNull @Valid RecoverySiteRequest site)
        implements Write.Request {

    @Override
    public RecordRemainsRecovery command(String aggregateId, Submitter submitter) {
        return new RecordRemainsRecovery(aggregateId, recoveredOn, count, site.toSite(), submitter);
    }
}
