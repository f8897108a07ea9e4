package org.borderledger.events.indicator;

public enum IndicatorKind {
    TRADE_TURNOVER_USD,
    EXPORTS_USD,
    IMPORTS_USD,
    VISITORS_VN_TO_KH,
    VISITORS_KH_TO_VN
}
