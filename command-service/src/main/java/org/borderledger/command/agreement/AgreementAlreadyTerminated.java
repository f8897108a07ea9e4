package org.borderledger.command.agreement;

import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

/** Nothing is recorded on an agreement after its termination. */
@ProblemType("agreement-already-terminated")
class AgreementAlreadyTerminated extends StateConflict {

    AgreementAlreadyTerminated(String agreementId) {
        super("Agreement " + agreementId + " is terminated");
    }
}
