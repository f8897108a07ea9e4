package org.borderledger.command.indicator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.Submitter;
import org.borderledger.command.indicator.IndicatorCommands.CorrectIndicator;
import org.borderledger.command.indicator.IndicatorCommands.ReportIndicator;
import org.borderledger.command.indicator.IndicatorRefusals.CorrectionChangesNothing;
import org.borderledger.command.indicator.IndicatorRefusals.IndicatorOfAnotherProvince;
import org.borderledger.command.indicator.IndicatorRefusals.NegativeIndicatorValue;
import org.borderledger.command.indicator.IndicatorRefusals.PartnerOfSameSide;
import org.borderledger.command.indicator.IndicatorRefusals.PeriodEndsBeforeItStarts;
import org.borderledger.command.indicator.IndicatorRefusals.ReportForAnotherProvince;
import org.borderledger.command.province.EffectiveProvinces;
import org.borderledger.command.province.ProvinceRules;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;

/**
 * One reported figure for one period. A correction supersedes the current value with a new fact and leaves the earlier
 * ones in the history; only the reporting province, or the province that continues it, corrects its figures. A figure
 * is reported for the province of its period's end: a unit's own, or for a period before its province existed the
 * province of that date its province continues (then marked as recorded by the successor).
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
    CooperationIndicator(ReportIndicator command, EffectiveProvinces provinces) {
        ProvinceRegister register = provinces.current();
        Submitter submitter = command.submittedBy();
        ProvinceRules.requireNotEnded(register, submitter, command.periodTo(), "periodTo");
        String forProvince = ProvinceRules.provinceOfTheDate(
                        register, submitter, command.reportingProvince(), command.periodTo(), "predecessorProvince")
                .orElseThrow(() -> new ReportForAnotherProvince(command.reportingProvince(), submitter.province()));
        if (command.value() < 0) {
            throw new NegativeIndicatorValue(command.value());
        }
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw new PeriodEndsBeforeItStarts(command.periodFrom(), command.periodTo());
        }
        if (command.partnerProvince() != null) {
            ProvinceRules.requireValidOn(register, command.partnerProvince(), command.periodTo(), "partnerProvince");
            if (!register.isPair(forProvince, command.partnerProvince(), command.periodTo())) {
                throw new PartnerOfSameSide(forProvince, command.partnerProvince());
            }
        }
        apply(
                new IndicatorReported(
                        command.indicatorId(),
                        command.indicator(),
                        command.periodFrom(),
                        command.periodTo(),
                        command.value(),
                        command.indicator().unit(),
                        command.borderGate(),
                        command.source(),
                        forProvince,
                        command.partnerProvince(),
                        command.estimate()),
                ProvinceRules.recordedBy(submitter, forProvince));
    }

    @CommandHandler
    void handle(CorrectIndicator command, EffectiveProvinces provinces) {
        String province = command.submittedBy().province();
        if (!provinces.current().continues(province, reportingProvince)) {
            throw new IndicatorOfAnotherProvince(indicatorId, reportingProvince, province);
        }
        if (command.value() < 0) {
            throw new NegativeIndicatorValue(command.value());
        }
        if (command.value() == value) {
            throw new CorrectionChangesNothing(indicatorId, value);
        }
        apply(
                new IndicatorCorrected(indicatorId, value, command.value(), command.reason()),
                ProvinceRules.recordedBy(command.submittedBy(), reportingProvince));
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
