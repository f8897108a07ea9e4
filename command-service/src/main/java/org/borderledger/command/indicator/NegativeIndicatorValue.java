package org.borderledger.command.indicator;

import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** Turnover and visitor counts are never negative. */
@ProblemType("negative-indicator-value")
class NegativeIndicatorValue extends RuleViolated {

    NegativeIndicatorValue(long value) {
        super("An indicator value cannot be negative: " + value, "value");
    }
}
