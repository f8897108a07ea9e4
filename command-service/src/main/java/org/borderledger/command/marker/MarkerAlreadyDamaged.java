package org.borderledger.command.marker;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

/** The marker's earlier damage has not been repaired yet. */
@ProblemType("marker-already-damaged")
class MarkerAlreadyDamaged extends StateConflict {

    MarkerAlreadyDamaged(String markerId, LocalDate damagedOn) {
        super("Marker " + markerId + " is already damaged (since " + damagedOn + ") and not yet repaired");
    }
}
