package org.borderledger.command.indicator;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.indicator.IndicatorKind;

/** What may be asked of a cooperation indicator: one record per command, each naming its target and its submitter. */
sealed interface IndicatorCommands {

    /** {@code value} is in USD for trade kinds and in persons for visitor kinds; {@code borderGate} may be null. */
    record ReportIndicator(
            @TargetAggregateIdentifier String indicatorId,
            IndicatorKind indicator,
            LocalDate periodFrom,
            LocalDate periodTo,
            long value,
            String borderGate,
            String source,
            Submitter submittedBy)
            implements IndicatorCommands {}

    record CorrectIndicator(
            @TargetAggregateIdentifier String indicatorId, long value, String reason, Submitter submittedBy)
            implements IndicatorCommands {}
}
