package org.borderledger.query.consistency;

/** Where a consistency check stands. INTERRUPTED: the instance running it stopped before it completed. */
enum CheckStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    INTERRUPTED
}
