package org.borderledger.events.indicator;

/** A new value that supersedes {@code previousValue}; the earlier facts stay in the history. */
public record IndicatorCorrected(String indicatorId, long previousValue, long value, String reason) {}
