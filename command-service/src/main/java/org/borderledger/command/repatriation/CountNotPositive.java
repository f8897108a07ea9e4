package org.borderledger.command.repatriation;

import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

@ProblemType("count-not-positive")
class CountNotPositive extends RuleViolated {

    CountNotPositive(int count) {
        super("The number of remains must be positive, not " + count, "count");
    }
}
