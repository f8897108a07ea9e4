package org.borderledger.command.indicator;

import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** A correction that repeats the current value would be a fact that says nothing. */
@ProblemType("correction-changes-nothing")
class CorrectionChangesNothing extends RuleViolated {

    CorrectionChangesNothing(String indicatorId, long value) {
        super("Indicator " + indicatorId + " already has the value " + value, "value");
    }
}
