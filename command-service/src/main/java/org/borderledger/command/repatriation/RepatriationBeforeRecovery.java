package org.borderledger.command.repatriation;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** A repatriation cannot precede the case's first recovery, nor come when nothing has been recovered. */
@ProblemType("repatriation-before-recovery")
class RepatriationBeforeRecovery extends RuleViolated {

    RepatriationBeforeRecovery(String caseId, LocalDate repatriatedOn, LocalDate firstRecoveredOn) {
        super(
                firstRecoveredOn == null
                        ? "Case " + caseId + " has no recovery yet; nothing can be repatriated"
                        : "Case " + caseId + " cannot record a repatriation on " + repatriatedOn
                                + ", before its first recovery on " + firstRecoveredOn,
                "repatriatedOn");
    }
}
