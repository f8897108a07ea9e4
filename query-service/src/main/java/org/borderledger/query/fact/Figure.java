package org.borderledger.query.fact;

import org.borderledger.events.indicator.IndicatorKind;

/**
 * The figures of {@code /api/statistics}, each with the facts that make it up: remains by the date of each recovery or
 * repatriation, markers by the date the other side confirmed them, indicators of one kind whose period lies inside the
 * range (the report and every correction), agreements whose validity overlaps the range (all their facts).
 */
enum Figure {
    REMAINS_RECOVERED("RemainsRecovered"),
    REMAINS_REPATRIATED("RemainsRepatriated"),
    MARKERS_COMPLETED("MarkerCompleted"),
    TRADE_TURNOVER_USD(IndicatorKind.TRADE_TURNOVER_USD),
    EXPORTS_USD(IndicatorKind.EXPORTS_USD),
    IMPORTS_USD(IndicatorKind.IMPORTS_USD),
    VISITORS_VN_TO_KH(IndicatorKind.VISITORS_VN_TO_KH),
    VISITORS_KH_TO_VN(IndicatorKind.VISITORS_KH_TO_VN),
    AGREEMENTS_IN_FORCE((String) null);

    /** The event that counts on its business date, for the figures that are a sum of dated events. */
    final String datedEvent;

    /** The indicator kind, for the indicator figures. */
    final IndicatorKind indicatorKind;

    Figure(String datedEvent) {
        this.datedEvent = datedEvent;
        this.indicatorKind = null;
    }

    Figure(IndicatorKind indicatorKind) {
        this.datedEvent = null;
        this.indicatorKind = indicatorKind;
    }
}
