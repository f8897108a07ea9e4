package org.borderledger.command.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borderledger.command.AuditedState;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.indicator.IndicatorUnit;

/** A cooperation indicator: its current value and its unit, and every value a correction superseded, oldest first. */
public record IndicatorState(
        String indicatorId,
        IndicatorKind kind,
        LocalDate periodFrom,
        LocalDate periodTo,
        long value,
        IndicatorUnit unit,
        List<Long> supersededValues,
        String reportingProvince,
        String borderGate,
        String source)
        implements AuditedState {

    /** The state the aggregate's first event creates; {@link UnexpectedEvent} for any other first event. */
    public static IndicatorState begin(Object first) {
        if (first instanceof IndicatorReported event) {
            return reported(event);
        }
        throw new UnexpectedEvent("no indicator yet", first);
    }

    private static IndicatorState reported(IndicatorReported event) {
        return new IndicatorState(
                event.indicatorId(),
                event.indicator(),
                event.periodFrom(),
                event.periodTo(),
                event.value(),
                event.unit(),
                List.of(),
                event.reportingProvince(),
                event.borderGate(),
                event.source());
    }

    @Override
    public IndicatorState apply(Object event) {
        if (event instanceof IndicatorCorrected corrected) {
            List<Long> superseded = new ArrayList<>(supersededValues);
            superseded.add(value);
            return new IndicatorState(
                    indicatorId,
                    kind,
                    periodFrom,
                    periodTo,
                    corrected.value(),
                    unit,
                    List.copyOf(superseded),
                    reportingProvince,
                    borderGate,
                    source);
        }
        throw new UnexpectedEvent("an indicator", event);
    }
}
