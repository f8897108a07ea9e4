package org.borderledger.command.marker;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

@ProblemType("confirmation-before-completion")
public class ConfirmationBeforeCompletion extends RuleViolated {

    public ConfirmationBeforeCompletion(String markerId, LocalDate confirmedOn, LocalDate completedOn) {
        super(
                "Marker " + markerId + " cannot be confirmed on " + confirmedOn + ", before its reported completion on "
                        + completedOn,
                "confirmedOn");
    }
}
