package org.borderledger.command.indicator;

import org.borderledger.command.NotEntitled;

/** Only units of the province that reported a figure correct it. */
public class IndicatorOfAnotherProvince extends NotEntitled {

    public IndicatorOfAnotherProvince(String indicatorId, String reportingProvince, String province) {
        super("Indicator " + indicatorId + " was reported by " + reportingProvince + "; a unit of " + province
                + " cannot correct it");
    }
}
