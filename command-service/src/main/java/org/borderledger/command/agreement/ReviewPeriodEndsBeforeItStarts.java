package org.borderledger.command.agreement;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

@ProblemType("review-period-ends-before-it-starts")
class ReviewPeriodEndsBeforeItStarts extends RuleViolated {

    ReviewPeriodEndsBeforeItStarts(LocalDate periodFrom, LocalDate periodTo) {
        super(
                "The period reviewed ends on " + periodTo + ", before it starts on " + periodFrom,
                "periodFrom",
                "periodTo");
    }
}
