package org.borderledger.command.agreement;

import org.borderledger.command.NotEntitled;

/** A unit records facts only of agreements its province is party to. */
public class NotAPartyToAgreement extends NotEntitled {

    public NotAPartyToAgreement(String agreementId, String province) {
        super("Province " + province + " is not a party to agreement " + agreementId);
    }
}
