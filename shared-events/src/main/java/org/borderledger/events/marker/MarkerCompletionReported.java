package org.borderledger.events.marker;

import java.time.LocalDate;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;

/** The responsible side says the marker is built; it does not count as completed until the other side confirms. */
public record MarkerCompletionReported(
        String markerId, LocalDate completedOn, GeoPoint surveyedPoint, Side reportingSide) {}
