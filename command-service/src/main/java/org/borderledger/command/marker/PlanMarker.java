package org.borderledger.command.marker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerType;

record PlanMarker(
        @TargetAggregateIdentifier String markerId,
        MarkerType type,
        GeoPoint plannedPoint,
        Side responsibleSide,
        Submitter submittedBy) {}
