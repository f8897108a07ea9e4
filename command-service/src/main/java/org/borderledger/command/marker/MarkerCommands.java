package org.borderledger.command.marker;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerType;

/** What may be asked of a border marker: one record per command, each naming its target and its submitter. */
sealed interface MarkerCommands {

    record PlanMarker(
            @TargetAggregateIdentifier String markerId,
            MarkerType type,
            GeoPoint plannedPoint,
            Side responsibleSide,
            Submitter submittedBy)
            implements MarkerCommands {}

    record ReportMarkerCompletion(
            @TargetAggregateIdentifier String markerId,
            LocalDate completedOn,
            GeoPoint surveyedPoint,
            Submitter submittedBy)
            implements MarkerCommands {}

    record ConfirmMarkerCompletion(
            @TargetAggregateIdentifier String markerId, LocalDate confirmedOn, Submitter submittedBy)
            implements MarkerCommands {}

    record ReportMarkerDamage(
            @TargetAggregateIdentifier String markerId, LocalDate damagedOn, String description, Submitter submittedBy)
            implements MarkerCommands {}

    record RecordMarkerRepair(
            @TargetAggregateIdentifier String markerId, LocalDate repairedOn, String description, Submitter submittedBy)
            implements MarkerCommands {}
}
