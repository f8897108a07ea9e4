package org.borderledger.query.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * SPEC §6 statistics for [from, to], both days included. Remains count by the business date of each recovery or
 * repatriation; markers by the date the other side confirmed them; indicators with their current (corrected) value
 * when their whole period lies inside the range; agreements whose validity overlaps the range.
 */
record StatisticsView(
        LocalDate from,
        LocalDate to,
        long remainsRecovered,
        long remainsRepatriated,
        long markersCompleted,
        long tradeTurnoverUsd,
        long exportsUsd,
        long importsUsd,
        Visitors visitors,
        long agreementsInForce,
        long position) {

    record Visitors(
            @JsonProperty("VN_TO_KH") long vietnamToCambodia, @JsonProperty("KH_TO_VN") long cambodiaToVietnam) {}
}
