package org.borderledger.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the run's own database (named after {@code spring.application.name}) and at the
 * run's broker, with the tests' JWT secret ({@link TestInfrastructure#JWT_SECRET}) and, unless the test names its own,
 * the tests' record key ({@link TestInfrastructure#RECORD_KEYS}). Every test class that uses it shares one cached
 * application context per service.
 */
public class LedgerInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", infrastructure.database(service),
                "spring.datasource.username", infrastructure.user(),
                "spring.datasource.password", infrastructure.password(),
                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrap(),
                "ledger.security.jwt-secret", TestInfrastructure.JWT_SECRET));
        String recordKeys = context.getEnvironment().getProperty("ledger.records.keys", "");
        if (recordKeys.isBlank()) {
            properties.put("ledger.records.keys", TestInfrastructure.RECORD_KEYS);
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("ledger-test-infrastructure", properties));
    }
}
