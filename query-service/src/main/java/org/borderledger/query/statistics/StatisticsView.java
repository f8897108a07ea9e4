package org.borderledger.query.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigInteger;
import java.time.LocalDate;

/**
 * Statistics for [from, to], both days included. Remains count by the business date of each recovery or repatriation;
 * markers by the date the other side confirmed them; indicators with their current (corrected) value when their whole
 * period lies inside the range; agreements whose validity overlaps the range. Indicator sums are exact whole numbers of
 * any size: many large figures can add up beyond the range of a {@code long}.
 */
record StatisticsView(
        LocalDate from,
        LocalDate to,
        long remainsRecovered,
        long remainsRepatriated,
        long markersCompleted,
        BigInteger tradeTurnoverUsd,
        BigInteger exportsUsd,
        BigInteger importsUsd,
        Visitors visitors,
        long agreementsInForce,
        long position) {

    record Visitors(
            @JsonProperty("VN_TO_KH") BigInteger vietnamToCambodia,
            @JsonProperty("KH_TO_VN") BigInteger cambodiaToVietnam) {}
}
