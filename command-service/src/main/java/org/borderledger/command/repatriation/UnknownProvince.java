package org.borderledger.command.repatriation;

import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** Not an ISO 3166-2 province code of either side, such as {@code VN-47} or {@code KH-7}. */
@ProblemType("unknown-province")
class UnknownProvince extends RuleViolated {

    UnknownProvince(String province, String field) {
        super("'" + province + "' is not a province code of Vietnam (VN-..) or Cambodia (KH-..)", field);
    }
}
