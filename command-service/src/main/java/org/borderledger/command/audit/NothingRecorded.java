package org.borderledger.command.audit;

/** No event is recorded under the id: 404. */
class NothingRecorded extends RuntimeException {

    NothingRecorded(String aggregateId) {
        super("Nothing is recorded under id '" + aggregateId + "'.", null, false, false);
    }
}
