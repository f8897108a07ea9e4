package org.borderledger.query;

import java.util.Collection;
import org.axonframework.config.ProcessingGroup;
import org.borderledger.query.position.PositionBeans;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every read model of the service (projections and repositories, processed positions included, without web, Axon or
 * Kafka) on a fresh database: for
 * tests that need several read models at once, such as the statistics. A {@code @TestConfiguration}, so that the
 * service's own component scan leaves it out when the integration tests start the whole service: its database would
 * otherwise replace the service's own under every repository.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(
        basePackages = "org.borderledger.query",
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern =
                                "org\\.borderledger\\.query\\.(agreement|repatriation|marker|indicator|statistics|fact)"
                                        + "\\.[A-Za-z]+(Projection|Repository)|org\\.borderledger\\.query\\.readmodel\\.ReadModelWrites"
                                        + "|org\\.borderledger\\.query\\.position\\.PositionProjection"))
@Import(PositionBeans.class)
public class ReadModels {

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

    /** An event feed to every projection of the context, as the {@code projections} processing group would deliver. */
    public static EventFeed feed(ApplicationContext context) {
        Collection<Object> projections =
                context.getBeansWithAnnotation(ProcessingGroup.class).values();
        return new EventFeed(projections.toArray());
    }
}
