package org.borderledger.command.marker;

import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

@ProblemType("marker-not-damaged")
class MarkerNotDamaged extends StateConflict {

    MarkerNotDamaged(String markerId) {
        super("Marker " + markerId + " has no unrepaired damage");
    }
}
