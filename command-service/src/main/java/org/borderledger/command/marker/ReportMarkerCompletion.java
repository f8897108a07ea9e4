package org.borderledger.command.marker;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.GeoPoint;

record ReportMarkerCompletion(
        @TargetAggregateIdentifier String markerId,
        LocalDate completedOn,
        GeoPoint surveyedPoint,
        Submitter submittedBy) {}
