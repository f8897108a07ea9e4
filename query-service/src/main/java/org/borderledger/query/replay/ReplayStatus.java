package org.borderledger.query.replay;

/** Where a replay stands. INTERRUPTED: the instance running it stopped before it completed. */
enum ReplayStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    INTERRUPTED
}
