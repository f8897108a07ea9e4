package org.borderledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QueryServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class QueryServiceStartsIT {

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient readModels;

    /**
     * The projections write where Axon commits their tokens (one per partition of the topic's 6), in the same
     * transaction: one database, PostgreSQL.
     */
    @Test
    void theReadModelsLiveInTheDatabaseThatHoldsTheProjectionsToken() throws InterruptedException {
        String tokens = "select count(*) from token_entry where processor_name = 'projections'";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject(tokens, Long.class) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(readModels.sql(tokens).query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void isHealthyWithItsOwnDatabaseAndTheBroker() {
        var health = new LedgerHttp("http://localhost:" + managementPort)
                .get("/actuator/health/readiness", AdminTokens.admin());

        assertThat(health.status()).isEqualTo(HttpStatus.OK.value());
        assertThat(health.body()).contains("\"db\"").contains("\"kafka\"");
        assertThat(jdbc.queryForObject(
                        "select data_type from information_schema.columns"
                                + " where table_name = 'token_entry' and column_name = 'token'",
                        String.class))
                .isEqualTo("bytea");
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.tables where table_name = 'domain_event_entry'",
                        Integer.class))
                .as("the read side never holds the event store")
                .isZero();
    }
}
