package org.borderledger.query;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A fresh in-memory H2 database in PostgreSQL mode (the local run's database) with the service's Flyway migrations
 * applied, so projection and query tests run the production SQL without a server.
 */
public final class ReadModelDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    private ReadModelDatabase() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/query")
                .load()
                .migrate();
    }

    public static ReadModelDatabase migrated() {
        return new ReadModelDatabase();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public PlatformTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource);
    }
}
