package org.borderledger.command.agreement;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** Nothing happens to an agreement before the day it was signed. */
@ProblemType("dated-before-signature")
class DatedBeforeSignature extends RuleViolated {

    DatedBeforeSignature(String agreementId, String field, LocalDate date, LocalDate signedOn) {
        super(
                "Agreement " + agreementId + " was signed on " + signedOn + "; " + field + " " + date + " is earlier",
                field);
    }
}
