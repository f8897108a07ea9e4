package org.borderledger.query.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.borderledger.events.indicator.IndicatorKind;

/**
 * A reported figure at its current {@code value} (USD or persons, by kind). {@code history} lists, oldest first, every
 * value a correction superseded, with the value that replaced it, the reason, and the correction's event position and
 * recording time.
 */
record IndicatorView(
        String id,
        IndicatorKind kind,
        LocalDate periodFrom,
        LocalDate periodTo,
        String borderGate,
        String source,
        String reportingProvince,
        long value,
        Instant reportedAt,
        List<Superseded> history) {

    record Superseded(long value, long correctedTo, String reason, Long position, Instant correctedAt) {}

    IndicatorView withHistory(List<Superseded> history) {
        return new IndicatorView(
                id, kind, periodFrom, periodTo, borderGate, source, reportingProvince, value, reportedAt, history);
    }
}
