package org.borderledger.command.audit;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit API's own small connection pool, to the event store's database: NDJSON streams and the full
 * verification hold a connection for as long as they run, so they take it from here and never from the pool the
 * writes use. It has one connection per allowed stream and one for the full verification.
 */
final class AuditConnections implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DataSourceTransactionManager transactions;

    AuditConnections(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new DataSourceTransactionManager(dataSource);
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
