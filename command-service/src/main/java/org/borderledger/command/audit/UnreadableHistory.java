package org.borderledger.command.audit;

/** An aggregate's stored events cannot be read back into its state: the store is damaged (500; see verify). */
class UnreadableHistory extends RuntimeException {

    UnreadableHistory(String aggregateId, Exception cause) {
        super(
                "The stored history of '" + aggregateId + "' cannot be read back (" + cause.getMessage()
                        + "); GET /api/audit/verify tells where the store was altered.",
                cause);
    }
}
