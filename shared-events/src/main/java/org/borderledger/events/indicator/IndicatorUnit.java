package org.borderledger.events.indicator;

/** What an indicator's value counts. */
public enum IndicatorUnit {
    /** US dollars, whole. */
    USD,
    /** Persons. */
    PERSONS
}
