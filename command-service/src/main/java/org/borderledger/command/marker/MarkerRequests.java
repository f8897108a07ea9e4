package org.borderledger.command.marker;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.marker.MarkerCommands.ConfirmMarkerCompletion;
import org.borderledger.command.marker.MarkerCommands.PlanMarker;
import org.borderledger.command.marker.MarkerCommands.RecordMarkerRepair;
import org.borderledger.command.marker.MarkerCommands.ReportMarkerCompletion;
import org.borderledger.command.marker.MarkerCommands.ReportMarkerDamage;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerType;

/** The request bodies of the writes to a border marker, as records validated before anything is submitted. */
final class MarkerRequests {

    private MarkerRequests() {}

    /** A marker is identified by its number ({@code 314}, or {@code 314/1} for a sub-marker): the id is required. */
    record PlanMarkerRequest(
            @NotBlank @Pattern(regexp = Ids.PATTERN) String id,
            @NotNull MarkerType type,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double plannedLat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double plannedLon,
            @NotNull Side responsibleSide) {

        PlanMarker command(String aggregateId, Submitter submitter) {
            return new PlanMarker(aggregateId, type, new GeoPoint(plannedLat, plannedLon), responsibleSide, submitter);
        }
    }

    /** The surveyed point of the built marker. */
    record ReportMarkerCompletionRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate completedOn,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

        ReportMarkerCompletion command(String aggregateId, Submitter submitter) {
            return new ReportMarkerCompletion(aggregateId, completedOn, new GeoPoint(lat, lon), submitter);
        }
    }

    record ConfirmMarkerCompletionRequest(@NotNull @PastOrPresent @BusinessDate LocalDate confirmedOn) {

        ConfirmMarkerCompletion command(String aggregateId, Submitter submitter) {
            return new ConfirmMarkerCompletion(aggregateId, confirmedOn, submitter);
        }
    }

    record ReportMarkerDamageRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate damagedOn,
            @NotBlank @Text(max = FieldLimits.TEXT) String description) {

        ReportMarkerDamage command(String aggregateId, Submitter submitter) {
            return new ReportMarkerDamage(aggregateId, damagedOn, description, submitter);
        }
    }

    record RecordMarkerRepairRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate repairedOn,
            @Text(max = FieldLimits.TEXT) String description) {

        RecordMarkerRepair command(String aggregateId, Submitter submitter) {
            return new RecordMarkerRepair(aggregateId, repairedOn, description, submitter);
        }
    }
}
