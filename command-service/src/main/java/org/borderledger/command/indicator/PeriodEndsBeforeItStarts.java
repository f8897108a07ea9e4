package org.borderledger.command.indicator;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

@ProblemType("period-ends-before-it-starts")
class PeriodEndsBeforeItStarts extends RuleViolated {

    PeriodEndsBeforeItStarts(LocalDate periodFrom, LocalDate periodTo) {
        super("The period ends on " + periodTo + ", before it starts on " + periodFrom, "periodFrom", "periodTo");
    }
}
