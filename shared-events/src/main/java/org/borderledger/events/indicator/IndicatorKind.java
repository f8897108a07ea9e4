package org.borderledger.events.indicator;

public enum IndicatorKind {
    TRADE_TURNOVER_USD(IndicatorUnit.USD),
    EXPORTS_USD(IndicatorUnit.USD),
    IMPORTS_USD(IndicatorUnit.USD),
    VISITORS_VN_TO_KH(IndicatorUnit.PERSONS),
    VISITORS_KH_TO_VN(IndicatorUnit.PERSONS);

    private final IndicatorUnit unit;

    IndicatorKind(IndicatorUnit unit) {
        this.unit = unit;
    }

    /** The unit every value of this kind is given in. */
    public IndicatorUnit unit() {
        return unit;
    }
}
