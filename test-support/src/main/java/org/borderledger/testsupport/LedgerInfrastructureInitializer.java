package org.borderledger.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the run's own database (named after {@code spring.application.name}) and at the
 * run's broker, with the tests' JWT secret ({@link TestInfrastructure#JWT_SECRET}). Every test class that uses it shares one cached application context per service.
 */
public class LedgerInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "ledger-test-infrastructure",
                        Map.of(
                                "spring.datasource.url", infrastructure.database(service),
                                "spring.datasource.username", infrastructure.user(),
                                "spring.datasource.password", infrastructure.password(),
                                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrap(),
                                "ledger.security.jwt-secret", TestInfrastructure.JWT_SECRET)));
    }
}
