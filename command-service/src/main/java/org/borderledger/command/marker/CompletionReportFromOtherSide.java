package org.borderledger.command.marker;

import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.events.Side;

/** Only the side responsible for building a marker reports it built. */
@ProblemType("completion-report-from-other-side")
class CompletionReportFromOtherSide extends NotEntitled {

    CompletionReportFromOtherSide(String markerId, Side responsibleSide, Side reportingSide) {
        super("Marker " + markerId + " is built by " + responsibleSide + "; a unit of " + reportingSide
                + " cannot report its completion");
    }
}
