package org.borderledger.command.indicator;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.indicator.IndicatorKind;

/** What may be asked of a cooperation indicator: one record per command, each naming its target and its submitter. */
sealed interface IndicatorCommands {

    /** {@code value} is in USD for trade kinds and in persons for visitor kinds; {@code borderGate} may be null. */
    /**
     * {@code reportingProvince} is the province the figure is reported for, from the request's
     * {@code predecessorProvince}: {@code null} for the submitter's own (or, for a period before its province existed,
     * the one province of that date its province continues). {@code partnerProvince} is the province of the other
     * side the figure is of, {@code null} when the report names none; {@code estimate} marks a figure reported as an
     * estimate.
     */
    record ReportIndicator(
            @TargetAggregateIdentifier String indicatorId,
            IndicatorKind indicator,
            LocalDate periodFrom,
            LocalDate periodTo,
            long value,
            String borderGate,
            String source,
            String reportingProvince,
            String partnerProvince,
            boolean estimate,
            Submitter submittedBy)
            implements IndicatorCommands {

        /** A report for the submitter's own province. */
        ReportIndicator(
                String indicatorId,
                IndicatorKind indicator,
                LocalDate periodFrom,
                LocalDate periodTo,
                long value,
                String borderGate,
                String source,
                Submitter submittedBy) {
            this(
                    indicatorId,
                    indicator,
                    periodFrom,
                    periodTo,
                    value,
                    borderGate,
                    source,
                    null,
                    null,
                    false,
                    submittedBy);
        }
    }

    record CorrectIndicator(
            @TargetAggregateIdentifier String indicatorId, long value, String reason, Submitter submittedBy)
            implements IndicatorCommands {}
}
