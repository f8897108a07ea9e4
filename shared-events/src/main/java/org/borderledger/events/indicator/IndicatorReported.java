package org.borderledger.events.indicator;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A figure for a period, in {@code unit} (USD for trade kinds, persons for visitor kinds). {@code borderGate} is
 * {@code null} for a province-wide figure. {@code reportingProvince} comes from the reporting unit, never from the
 * request body.
 *
 * <p>Revision 2 added {@code unit}, so that a consumer reads what a value counts from the event itself instead of
 * knowing every kind. Revision 1 (stored without a revision) has no {@code unit}; the event codec's upcaster
 * ({@code IndicatorReportedUnit}) derives it from the kind when an old event is read.
 *
 * <p>Revision 3 added {@code partnerProvince}, the province of the other side the figure is of (the pair with
 * {@code reportingProvince}, both valid at {@code periodTo}), and {@code estimate}, true for a figure reported as an
 * estimate rather than a final one. Revision 2 has neither; its upcaster ({@code IndicatorReportedPair}) reads it with
 * no partner ({@code null}: the figure was recorded without naming one) and as no estimate.
 */
@Revision("3")
public record IndicatorReported(
        String indicatorId,
        IndicatorKind indicator,
        LocalDate periodFrom,
        LocalDate periodTo,
        long value,
        IndicatorUnit unit,
        String borderGate,
        String source,
        String reportingProvince,
        String partnerProvince,
        boolean estimate) {

    /** The report of a final figure in {@code unit}, naming no partner province. */
    public IndicatorReported(
            String indicatorId,
            IndicatorKind indicator,
            LocalDate periodFrom,
            LocalDate periodTo,
            long value,
            IndicatorUnit unit,
            String borderGate,
            String source,
            String reportingProvince) {
        this(
                indicatorId,
                indicator,
                periodFrom,
                periodTo,
                value,
                unit,
                borderGate,
                source,
                reportingProvince,
                null,
                false);
    }

    /** The report of a final figure in the unit of its kind, naming no partner province. */
    public IndicatorReported(
            String indicatorId,
            IndicatorKind indicator,
            LocalDate periodFrom,
            LocalDate periodTo,
            long value,
            String borderGate,
            String source,
            String reportingProvince) {
        this(
                indicatorId,
                indicator,
                periodFrom,
                periodTo,
                value,
                indicator == null ? null : indicator.unit(),
                borderGate,
                source,
                reportingProvince);
    }
}
