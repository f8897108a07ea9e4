package org.borderledger.command.marker;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerType;

/** A marker is identified by its number ({@code 314}, or {@code 314/1} for a sub-marker): the id is required. */
@WritePath(value = "", summary = "Plan a border marker, main, sub or reference, to be built by one side")
record PlanMarkerRequest(
        @NotBlank @Pattern(regexp = Ids.PATTERN) String id,
        @NotNull MarkerType type,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double plannedLat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double plannedLon,
        @NotNull Side responsibleSide)
        implements Write.Request {

    @Override
    public PlanMarker command(String aggregateId, Submitter submitter) {
        return new PlanMarker(aggregateId, type, new GeoPoint(plannedLat, plannedLon), responsibleSide, submitter);
    }
}
