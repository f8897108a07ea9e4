package org.borderledger.command.audit;

import java.time.Instant;

/**
 * Which events an auditor asks for; every criterion is optional. {@code from} is inclusive and {@code to} exclusive
 * (recorded time); {@code unit} is the submitting unit in the metadata.
 */
record EventQuery(String aggregateId, String type, String unit, Instant from, Instant to, Long afterPosition) {

    static final EventQuery ALL = new EventQuery(null, null, null, null, null, null);

    /** Whether it selects every event from {@code afterPosition} on: only then can the seals be checked with them. */
    boolean wholeStore() {
        return aggregateId == null && type == null && unit == null && from == null && to == null;
    }
}
