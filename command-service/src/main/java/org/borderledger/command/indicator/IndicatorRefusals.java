package org.borderledger.command.indicator;

import java.time.LocalDate;
import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** What a cooperation indicator refuses, one class per refusal; each states its public problem type. */
final class IndicatorRefusals {

    private IndicatorRefusals() {}

    /** Only units of the province that reported a figure correct it. */
    @ProblemType("indicator-of-another-province")
    static final class IndicatorOfAnotherProvince extends NotEntitled {

        IndicatorOfAnotherProvince(String indicatorId, String reportingProvince, String province) {
            super("Indicator " + indicatorId + " was reported by " + reportingProvince + "; a unit of " + province
                    + " cannot correct it");
            arguments(indicatorId, reportingProvince, province);
        }
    }

    /** Turnover and visitor counts are never negative. */
    @ProblemType("negative-indicator-value")
    static final class NegativeIndicatorValue extends RuleViolated {

        NegativeIndicatorValue(long value) {
            super("An indicator value cannot be negative: " + value, "value");
            arguments(String.valueOf(value));
        }
    }

    @ProblemType("period-ends-before-it-starts")
    static final class PeriodEndsBeforeItStarts extends RuleViolated {

        PeriodEndsBeforeItStarts(LocalDate periodFrom, LocalDate periodTo) {
            super("The period ends on " + periodTo + ", before it starts on " + periodFrom, "periodFrom", "periodTo");
            arguments(periodFrom, periodTo);
        }
    }

    /** A correction that repeats the current value would be a fact that says nothing. */
    @ProblemType("correction-changes-nothing")
    static final class CorrectionChangesNothing extends RuleViolated {

        CorrectionChangesNothing(String indicatorId, long value) {
            super("Indicator " + indicatorId + " already has the value " + value, "value");
            arguments(indicatorId, String.valueOf(value));
        }
    }

    /** A unit reports for its own province, or for a province of the period that its province continues. */
    @ProblemType("report-for-another-province")
    static final class ReportForAnotherProvince extends NotEntitled {

        ReportForAnotherProvince(String reportingProvince, String province) {
            super(
                    "A unit of " + province + " does not report for " + reportingProvince
                            + ", which its province does not continue",
                    "predecessorProvince");
            arguments(reportingProvince, province);
        }
    }

    /** The partner of a figure is a province of the other side: the two form a pair. */
    @ProblemType("partner-of-same-side")
    static final class PartnerOfSameSide extends RuleViolated {

        PartnerOfSameSide(String reportingProvince, String partnerProvince) {
            super(
                    "A figure of " + reportingProvince + " has a partner of the other side, not " + partnerProvince,
                    "partnerProvince");
            arguments(reportingProvince, partnerProvince);
        }
    }
}
