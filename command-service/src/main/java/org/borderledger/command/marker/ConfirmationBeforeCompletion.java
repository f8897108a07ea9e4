package org.borderledger.command.marker;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

@ProblemType("confirmation-before-completion")
class ConfirmationBeforeCompletion extends RuleViolated {

    ConfirmationBeforeCompletion(String markerId, LocalDate confirmedOn, LocalDate completedOn) {
        super(
                "Marker " + markerId + " cannot be confirmed on " + confirmedOn + ", before its reported completion on "
                        + completedOn,
                "confirmedOn");
    }
}
