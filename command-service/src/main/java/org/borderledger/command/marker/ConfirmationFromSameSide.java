package org.borderledger.command.marker;

import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.events.Side;

/** A marker's completion is verified jointly: the side that built it cannot confirm it. */
@ProblemType("confirmation-from-same-side")
class ConfirmationFromSameSide extends NotEntitled {

    ConfirmationFromSameSide(String markerId, Side side) {
        super("Marker " + markerId + " was built by " + side + "; only the other side can confirm its completion");
    }
}
