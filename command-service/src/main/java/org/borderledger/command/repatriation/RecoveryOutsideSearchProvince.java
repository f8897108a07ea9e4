package org.borderledger.command.repatriation;

import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** Remains of a case are recovered in the province the case searches. */
@ProblemType("recovery-outside-search-province")
class RecoveryOutsideSearchProvince extends RuleViolated {

    RecoveryOutsideSearchProvince(String caseId, String siteProvince, String searchProvince) {
        super(
                "Case " + caseId + " searches " + searchProvince + "; a recovery site in " + siteProvince
                        + " belongs to another case",
                "site.province");
    }
}
