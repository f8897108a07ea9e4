package org.borderledger.command.repatriation;

import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;

/** Only units of the province that opened a case, or of the province searched, record its facts. */
@ProblemType("case-of-another-province")
class CaseOfAnotherProvince extends NotEntitled {

    CaseOfAnotherProvince(String caseId, String province) {
        super("Case " + caseId + " does not belong to province " + province);
    }
}
