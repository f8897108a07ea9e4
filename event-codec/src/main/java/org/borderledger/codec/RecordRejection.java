package org.borderledger.codec;

/**
 * Why a record on the topic was not read as an event: the read side parks it with this reason and applies nothing of
 * it.
 */
public record RecordRejection(Kind kind, String reason) {

    public enum Kind {
        /** No MAC: not written by a publisher holding a record key. */
        UNSIGNED,
        /** Signed with a key id this reader is not configured with. */
        UNKNOWN_KEY,
        /** The MAC does not match: written by someone without the key, or altered on the topic. */
        FORGED,
        /** Authentic, but from a source other than the ledger's command service. */
        OTHER_SOURCE,
        /** Not a CloudEvent in binary mode, or its data is not the JSON of its type. */
        MALFORMED,
        /** A {@code type} that is not in the event catalogue; no class is looked up for it. */
        UNKNOWN_TYPE,
        /** Missing or impossible envelope values: no subject or key, a negative sequence, a position below 1. */
        IMPLAUSIBLE,
        /** Decoded, but a projection failed on it. */
        NOT_APPLIED,
        /** Not tried: an earlier record of the same aggregate is parked. */
        WAITING,
        /**
         * Not decoded: the read side stopped on a JVM error at this record after each of several restarts; parked for
         * an admin to decide.
         */
        REPEATED_HALT
    }
}
