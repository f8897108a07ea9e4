package org.borderledger.command.marker;

import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

/** Damage is reported on a completed (confirmed) marker only. */
@ProblemType("marker-not-completed")
class MarkerNotCompleted extends StateConflict {

    MarkerNotCompleted(String markerId) {
        super("Marker " + markerId + " is not completed yet");
    }
}
