package org.borderledger.command.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a write failed because the database could not be reached, rather than because of what it asked: no
 * connection (the pool's timeout passed, the server refused or closed it), or the server shutting down
 * (SQLSTATE class 08, connection exception; 57P01–57P03, operator intervention), or a write whose rollback failed
 * because its connection was gone (also the rollback after a commit that the server's death cut off). Whether a write whose commit was cut off committed is not known: the client sends
 * it again with its {@code Idempotency-Key}, which answers what was recorded.
 */
final class StoreUnavailable {

    private StoreUnavailable() {}

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                // the write failed and its rollback too: the connection is gone, nothing committed
                return true;
            }
            if (cause instanceof TransactionSystemException failed && isRollback(failed)) {
                // a commit cut off (its outcome unknown), then its rollback on the dead connection: Spring throws the
                // rollback's failure, which a rollback on a live connection never has
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isRollback(TransactionSystemException failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("JDBC rollback failed");
    }
}
