package org.borderledger.command.indicator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.indicator.IndicatorCommands.CorrectIndicator;
import org.borderledger.command.indicator.IndicatorCommands.ReportIndicator;
import org.borderledger.command.indicator.IndicatorRefusals.CorrectionChangesNothing;
import org.borderledger.command.indicator.IndicatorRefusals.IndicatorOfAnotherProvince;
import org.borderledger.command.indicator.IndicatorRefusals.NegativeIndicatorValue;
import org.borderledger.command.indicator.IndicatorRefusals.PeriodEndsBeforeItStarts;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;

/**
 * One reported figure for one period. A correction supersedes the current value with a new fact and leaves the earlier
 * ones in the history; only the reporting province corrects its figures.
 */
@Aggregate(cache = "indicatorCache")
class CooperationIndicator {

    @AggregateIdentifier
    private String indicatorId;

    private String reportingProvince;
    private long value;

    /** For Axon, which rebuilds the indicator from its events. */
    CooperationIndicator() {}

    @CommandHandler
    CooperationIndicator(ReportIndicator command) {
        if (command.value() < 0) {
            throw new NegativeIndicatorValue(command.value());
        }
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw new PeriodEndsBeforeItStarts(command.periodFrom(), command.periodTo());
        }
        apply(new IndicatorReported(
                command.indicatorId(),
                command.indicator(),
                command.periodFrom(),
                command.periodTo(),
                command.value(),
                command.indicator().unit(),
                command.borderGate(),
                command.source(),
                command.submittedBy().province()));
    }

    @CommandHandler
    void handle(CorrectIndicator command) {
        String province = command.submittedBy().province();
        if (!reportingProvince.equals(province)) {
            throw new IndicatorOfAnotherProvince(indicatorId, reportingProvince, province);
        }
        if (command.value() < 0) {
            throw new NegativeIndicatorValue(command.value());
        }
        if (command.value() == value) {
            throw new CorrectionChangesNothing(indicatorId, value);
        }
        apply(new IndicatorCorrected(indicatorId, value, command.value(), command.reason()));
    }

    @EventSourcingHandler
    void on(IndicatorReported event) {
        indicatorId = event.indicatorId();
        reportingProvince = event.reportingProvince();
        value = event.value();
    }

    @EventSourcingHandler
    void on(IndicatorCorrected event) {
        value = event.value();
    }
}
