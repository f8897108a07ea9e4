package org.borderledger.command.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.borderledger.security.FairShares;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit API's pages, histories and past states: on a connection pool of their own (never the one the writes use),
 * whose connections cancel any statement that runs longer than {@code ledger.audit.query.statement-timeout}, and at
 * most {@code max-concurrent} at once, {@code max-concurrent-per-subject} of one token subject.
 */
final class AuditQueries implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DataSourceTransactionManager transactions;
    private final FairShares shares;

    AuditQueries(HikariDataSource dataSource, FairShares shares) {
        this.dataSource = dataSource;
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.shares = shares;
    }

    /** Runs {@code query} in one of {@code subject}'s slots; {@link AuditQueriesBusy} when there is none. */
    <T> T run(String subject, Supplier<T> query) {
        try (FairShares.Slot slot = shares.take(subject, refusal -> new AuditQueriesBusy(refusal, shares))) {
            return query.get();
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    PlatformTransactionManager transactions() {
        return transactions;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
