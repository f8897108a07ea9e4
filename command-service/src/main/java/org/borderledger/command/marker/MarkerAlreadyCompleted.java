package org.borderledger.command.marker;

import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

/** A marker is completed once; its later life is damage and repair. */
@ProblemType("marker-already-completed")
public class MarkerAlreadyCompleted extends StateConflict {

    public MarkerAlreadyCompleted(String markerId) {
        super("Marker " + markerId + " is already completed");
    }
}
