package org.borderledger.query.marker;

import java.time.LocalDate;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerType;

/**
 * A marker as it stands. {@code completedOn} and the surveyed point come from the responsible side's report,
 * {@code confirmedOn} from the other side's confirmation; a later damage or repair keeps both.
 */
record MarkerView(
        String id,
        MarkerType type,
        Side responsibleSide,
        Double plannedLat,
        Double plannedLon,
        MarkerStatus status,
        LocalDate completedOn,
        Side reportingSide,
        Double surveyedLat,
        Double surveyedLon,
        LocalDate confirmedOn,
        Side confirmingSide,
        LocalDate damagedOn,
        String damageDescription,
        LocalDate repairedOn,
        String repairDescription) {}
