package org.borderledger.command.publish;

import jakarta.validation.constraints.Min;

/** Where a re-publication starts: the first position to publish again (1: the whole store). */
record RepublicationRequest(@Min(1) Long fromPosition) {

    long from() {
        return fromPosition == null ? 1 : fromPosition;
    }
}
