package org.borderledger.query.position;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the position projection needs from the service, for tests that run it outside the service. */
@TestConfiguration(proxyBeanMethods = false)
public class PositionBeans {

    @Bean
    ProcessedPositions processedPositions(JdbcClient jdbc) {
        return new ProcessedPositions(
                new ProcessedPositionRepository(jdbc),
                new ReadProperties(Duration.ofSeconds(5), Duration.ofMillis(50), 100, 25));
    }
}
