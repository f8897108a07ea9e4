package org.borderledger.command.repatriation;

import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** The total repatriated in a case never exceeds the total recovered. */
@ProblemType("more-repatriated-than-recovered")
class MoreRepatriatedThanRecovered extends RuleViolated {

    MoreRepatriatedThanRecovered(String caseId, int count, long awaitingRepatriation) {
        super(
                "Case " + caseId + " has " + awaitingRepatriation + " recovered remains awaiting repatriation; " + count
                        + " cannot be repatriated",
                "count");
    }
}
