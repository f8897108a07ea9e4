package org.borderledger.command.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;

record RecordMarkerRepairRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate repairedOn, @Text(max = FieldLimits.TEXT) String description) {}
