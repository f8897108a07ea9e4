package org.borderledger.query.repatriation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** A search case; {@code remaining} = recovered − repatriated; lines in recorded order. */
record RepatriationCaseView(
        String id,
        String season,
        String searchProvince,
        String searchingUnit,
        String openedByProvince,
        long recoveredTotal,
        long repatriatedTotal,
        long remaining,
        LocalDate firstRecoveredOn,
        List<Line> lines) {

    enum Kind {
        RECOVERY,
        REPATRIATION
    }

    /** A recovery (with its {@code site}) or a repatriation (with {@code borderGate} and {@code receivingUnit}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(Kind kind, LocalDate date, int count, Site site, String borderGate, String receivingUnit) {}

    /** Where remains were found; {@code lat}/{@code lon} are {@code null} when no point was surveyed. */
    record Site(String province, String district, String commune, Double lat, Double lon) {}

    RepatriationCaseView withLines(List<Line> lines) {
        return new RepatriationCaseView(
                id,
                season,
                searchProvince,
                searchingUnit,
                openedByProvince,
                recoveredTotal,
                repatriatedTotal,
                remaining,
                firstRecoveredOn,
                lines);
    }
}
