package org.borderledger.command.publish;

import org.borderledger.command.ProblemType;
import org.borderledger.command.Refusal;

/** A re-publication is running already: one at a time. */
@ProblemType("republication-busy")
final class RepublicationBusy extends Refusal {

    RepublicationBusy(String runningId) {
        super("Re-publication " + runningId + " is running; one runs at a time");
        arguments(runningId);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
