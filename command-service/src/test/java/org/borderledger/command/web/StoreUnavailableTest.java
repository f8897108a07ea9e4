package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class StoreUnavailableTest {

    @Test
    void aMissingConnectionOrAServerShuttingDownIsTheStoreBeingUnavailable() {
        assertThat(StoreUnavailable.causes(new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("pool timeout"))))
                .isTrue();
        assertThat(StoreUnavailable.causes(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(StoreUnavailable.causes(
                        new EventStoreException("append failed", new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(StoreUnavailable.causes(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new IllegalStateException("the write's own failure"));
        assertThat(StoreUnavailable.causes(rollbackFailed)).isTrue();
        // a commit cut off by the server's death, then the rollback on the closed connection (seen in the fault suite)
        assertThat(StoreUnavailable.causes(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void whatTheWriteAskedIsNot() {
        assertThat(StoreUnavailable.causes(new DuplicateKeyException("key", new SQLException("dup", "23505"))))
                .isFalse();
        assertThat(StoreUnavailable.causes(
                        new DataIntegrityViolationException("check", new SQLException("check", "23514"))))
                .isFalse();
        assertThat(StoreUnavailable.causes(new IllegalStateException("bug"))).isFalse();
        assertThat(StoreUnavailable.causes(new TransactionSystemException(
                        "JDBC commit failed", new SQLException("serialization", "40001"))))
                .isFalse();
    }

    /** Single writes and the items of a batch are answered by the same mapping: 503, never 500. */
    @Test
    void aWriteThatCouldNotReachTheStoreIsA503StoreUnavailable() {
        org.springframework.http.ProblemDetail problem = new Problems(
                        new org.springframework.context.support.StaticMessageSource())
                .of(new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("pool timeout")));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType()).hasToString("https://border-ledger.example/problems/store-unavailable");
    }
}
