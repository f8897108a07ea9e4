package org.borderledger.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The whole HTTP layer of the query service (controllers, interceptor, problem details advice) with the real read model
 * repositories on a fresh PostgreSQL database, without Axon or Kafka: tests fill the read models through the
 * projections and call the API with MockMvc. Replays, consistency checks and dead letters, which drive Axon and Kafka,
 * are left out (their ITs run them).
 * One context (and one database) is shared by every test class that uses it; "today" is
 * {@link #TODAY}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
        properties = {
            "spring.messages.basename=i18n/query-messages,i18n/security-messages",
            "spring.messages.fallback-to-system-locale=false"
        },
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.borderledger\\.query\\..*(Repository|ProcessedPositions|ReadModelWrites)"),
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.borderledger\\.query\\.(replay|consistency|rebuild|deadletter)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(QueryWebTest.Database.class)
public @interface QueryWebTest {

    Instant TODAY = Instant.parse("2025-06-01T08:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class Database {

        @Bean
        ReadModelDatabase readModelDatabase() {
            return ReadModelDatabase.migrated();
        }

        @Bean
        JdbcClient jdbcClient(ReadModelDatabase database) {
            return database.jdbc();
        }

        @Bean
        JdbcTemplate jdbcTemplate(ReadModelDatabase database) {
            return new JdbcTemplate(database.dataSource());
        }

        @Bean
        PlatformTransactionManager transactionManager(ReadModelDatabase database) {
            return database.transactions();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(TODAY, ZoneOffset.UTC);
        }
    }
}
