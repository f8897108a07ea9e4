package org.borderledger.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.borderledger.query.infra.ProjectionHalts;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The gate before the {@code projections} processor, and the parked count as health detail and gauge. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterGate deadLetterGate(
            DeadLetterRepository letters,
            ReadModelWrites writes,
            ProjectionHalts halts,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new DeadLetterGate(letters, writes, halts, transactions, clock);
    }

    @Bean
    ConfigurerModule projectionsParkWhatTheyCannotApply(DeadLetterGate gate) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor("projections", c -> gate);
    }

    /** UP with the number of parked records: a parked record leaves the rest of the read models current. */
    @Bean
    HealthIndicator deadLettersHealthIndicator(DeadLetterRepository letters) {
        return () -> Health.up().withDetail("parked", letters.countParked()).build();
    }

    /** {@code ledger.deadletters}: the records parked now. */
    @Bean
    MeterBinder deadLetterGauge(DeadLetterRepository letters) {
        return registry -> Gauge.builder("ledger.deadletters", letters::countParked)
                .strongReference(true)
                .description("Records of the event topic parked by the read side (decode, authentication or"
                        + " projection failed, or waiting behind one of the same aggregate)")
                .register(registry);
    }
}
