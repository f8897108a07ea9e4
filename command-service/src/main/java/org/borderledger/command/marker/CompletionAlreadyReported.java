package org.borderledger.command.marker;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

/** The marker's completion is reported and awaits the other side's confirmation. */
@ProblemType("completion-already-reported")
class CompletionAlreadyReported extends StateConflict {

    CompletionAlreadyReported(String markerId, LocalDate completedOn) {
        super("Completion of marker " + markerId + " on " + completedOn
                + " is already reported and awaits confirmation by the other side");
    }
}
