package org.borderledger.command.marker;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.GeoPoint;

/** The surveyed point of the built marker. */
@WritePath(value = "/{id}/completion-reports", summary = "Report a marker built (a unit of the responsible side)")
record ReportMarkerCompletionRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate completedOn,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon)
        implements Write.Request {

    @Override
    public ReportMarkerCompletion command(String aggregateId, Submitter submitter) {
        return new ReportMarkerCompletion(aggregateId, completedOn, new GeoPoint(lat, lon), submitter);
    }
}
