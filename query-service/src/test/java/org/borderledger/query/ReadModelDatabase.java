package org.borderledger.query;

import javax.sql.DataSource;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.borderledger.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A fresh database with the service's Flyway migrations applied, on the tests' PostgreSQL server, so projection and
 * query tests run the production SQL on the production engine without the rest of the service. Each one is a copy of a
 * template database migrated once per test JVM.
 */
public final class ReadModelDatabase {

    private static final String TEMPLATE = "read_models";
    private static boolean templateMigrated;

    private final DataSource dataSource;

    private ReadModelDatabase(String url, String user, String password) {
        dataSource = new DriverManagerDataSource(url, user, password);
    }

    public static ReadModelDatabase migrated() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        migrateTemplateOnce(infrastructure);
        return new ReadModelDatabase(infrastructure.copyOf(TEMPLATE), infrastructure.user(), infrastructure.password());
    }

    private static synchronized void migrateTemplateOnce(TestInfrastructure infrastructure) {
        if (!templateMigrated) {
            Flyway.configure()
                    .dataSource(new DriverManagerDataSource(
                            infrastructure.database(TEMPLATE), infrastructure.user(), infrastructure.password()))
                    .locations("classpath:db/migration/query")
                    .load()
                    .migrate();
            templateMigrated = true;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** The projections' writer on this database. */
    public ReadModelWrites writes() {
        return new ReadModelWrites(new JdbcTemplate(dataSource));
    }

    public PlatformTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource);
    }
}
