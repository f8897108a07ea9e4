package org.borderledger.command.agreement;

import java.util.List;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** An agreement binds exactly two provinces, one of Vietnam and one of Cambodia. */
@ProblemType("parties-not-one-per-country")
class PartiesNotOnePerCountry extends RuleViolated {

    PartiesNotOnePerCountry(List<String> parties) {
        super(
                "An agreement needs two parties, one province of Vietnam (VN-..) and one of Cambodia (KH-..), not "
                        + parties,
                "parties");
    }
}
