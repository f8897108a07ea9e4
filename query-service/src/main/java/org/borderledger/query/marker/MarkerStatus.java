package org.borderledger.query.marker;

/** The latest step of a marker's life. Only a marker the other side confirmed ({@code COMPLETED}) counts as built. */
enum MarkerStatus {
    PLANNED,
    REPORTED,
    COMPLETED,
    DAMAGED,
    REPAIRED
}
