package org.borderledger.command.agreement;

import java.util.List;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;
import org.borderledger.events.agreement.Signatory;

/** Every signatory signs for one of the two parties. */
@ProblemType("signatory-of-no-party")
class SignatoryOfNoParty extends RuleViolated {

    SignatoryOfNoParty(Signatory signatory, List<String> parties) {
        super(
                "Signatory " + signatory.name() + " signs for " + signatory.province()
                        + ", which is not one of the parties " + parties,
                "signatories");
    }
}
