package org.borderledger.command.indicator;

import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;

/** Only units of the province that reported a figure correct it. */
@ProblemType("indicator-of-another-province")
class IndicatorOfAnotherProvince extends NotEntitled {

    IndicatorOfAnotherProvince(String indicatorId, String reportingProvince, String province) {
        super("Indicator " + indicatorId + " was reported by " + reportingProvince + "; a unit of " + province
                + " cannot correct it");
    }
}
