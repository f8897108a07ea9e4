package org.borderledger.command.indicator;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;
import org.borderledger.events.indicator.IndicatorKind;

/** {@code value} is in USD for trade kinds and in persons for visitor kinds; {@code borderGate} may be null. */
record ReportIndicator(
        @TargetAggregateIdentifier String indicatorId,
        IndicatorKind indicator,
        LocalDate periodFrom,
        LocalDate periodTo,
        long value,
        String borderGate,
        String source,
        Submitter submittedBy) {}
