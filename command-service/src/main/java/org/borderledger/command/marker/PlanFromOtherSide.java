package org.borderledger.command.marker;

import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.events.Side;

/** A marker is planned by the side responsible for building it: the other side cannot plan it in its place. */
@ProblemType("plan-from-other-side")
class PlanFromOtherSide extends NotEntitled {

    PlanFromOtherSide(String markerId, Side responsibleSide, Side planningSide) {
        super(
                "Marker " + markerId + " is to be built by " + responsibleSide + "; a unit of " + planningSide
                        + " cannot plan it",
                "responsibleSide");
    }
}
