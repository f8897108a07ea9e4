package org.borderledger.command.audit;

import java.time.Instant;

/** No event is recorded under the id (by the instant asked about): 404. */
class NothingRecorded extends RuntimeException {

    NothingRecorded(String aggregateId) {
        super("Nothing is recorded under id '" + aggregateId + "'.", null, false, false);
    }

    NothingRecorded(String aggregateId, Instant asOf) {
        super("Nothing was recorded under id '" + aggregateId + "' by " + asOf + ".", null, false, false);
    }
}
