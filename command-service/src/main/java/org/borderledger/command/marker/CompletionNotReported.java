package org.borderledger.command.marker;

import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

/** There is nothing to confirm until the responsible side reports the marker built. */
@ProblemType("completion-not-reported")
class CompletionNotReported extends StateConflict {

    CompletionNotReported(String markerId) {
        super("Completion of marker " + markerId + " has not been reported by the responsible side");
    }
}
