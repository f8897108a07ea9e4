package org.borderledger.events.indicator;

import java.time.LocalDate;

/**
 * A figure for a period: USD for trade kinds, persons for visitor kinds. {@code borderGate} is {@code null} for a
 * province-wide figure. {@code reportingProvince} comes from the reporting unit, never from the request body.
 */
public record IndicatorReported(
        String indicatorId,
        IndicatorKind indicator,
        LocalDate periodFrom,
        LocalDate periodTo,
        long value,
        String borderGate,
        String source,
        String reportingProvince) {}
