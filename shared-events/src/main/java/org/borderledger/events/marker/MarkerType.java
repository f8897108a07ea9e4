package org.borderledger.events.marker;

public enum MarkerType {
    MAIN,
    SUB,
    REFERENCE
}
