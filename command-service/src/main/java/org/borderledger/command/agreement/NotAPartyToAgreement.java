package org.borderledger.command.agreement;

import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;

/** A unit records facts only of agreements its province is party to. */
@ProblemType("not-a-party-to-agreement")
public class NotAPartyToAgreement extends NotEntitled {

    public NotAPartyToAgreement(String agreementId, String province) {
        super("Province " + province + " is not a party to agreement " + agreementId);
    }
}
