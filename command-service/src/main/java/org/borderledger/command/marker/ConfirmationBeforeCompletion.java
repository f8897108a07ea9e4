package org.borderledger.command.marker;

import java.time.LocalDate;
import org.borderledger.command.RuleViolated;

public class ConfirmationBeforeCompletion extends RuleViolated {

    public ConfirmationBeforeCompletion(String markerId, LocalDate confirmedOn, LocalDate completedOn) {
        super(
                "Marker " + markerId + " cannot be confirmed on " + confirmedOn + ", before its reported completion on "
                        + completedOn,
                "confirmedOn");
    }
}
