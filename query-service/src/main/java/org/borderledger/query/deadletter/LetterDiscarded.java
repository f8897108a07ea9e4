package org.borderledger.query.deadletter;

import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.springframework.http.HttpStatus;

/** The dead letter was discarded already: nothing to retry or discard. */
final class LetterDiscarded extends LedgerProblem {

    LetterDiscarded(DeadLetter letter) {
        super(
                HttpStatus.CONFLICT,
                "dead-letter-discarded",
                "Dead letter discarded",
                "Dead letter " + letter.id() + " was discarded"
                        + (letter.discardedBy() == null ? "" : " by " + letter.discardedBy()),
                List.of("id"));
    }
}
