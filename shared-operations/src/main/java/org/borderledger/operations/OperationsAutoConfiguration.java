package org.borderledger.operations;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;

/**
 * Registered for both services through {@code AutoConfiguration.imports}: it comes before Axon's own OpenTelemetry
 * configuration, whose span factory would use the global OpenTelemetry instance (a no-op: Spring Boot does not register
 * its SDK globally).
 */
@AutoConfiguration(
        beforeName = "org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration",
        afterName = "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration")
public class OperationsAutoConfiguration {

    /**
     * Axon's spans (command handling, event store append, each event processor batch) on Spring Boot's OpenTelemetry
     * SDK, so they join the HTTP request's trace; Axon writes the W3C {@code traceparent} into each message's metadata,
     * which travels with the event to the store and, as a CloudEvents extension, over Kafka.
     */
    @Bean
    SpanFactory axonSpanFactory(ObjectProvider<OpenTelemetry> openTelemetry) {
        OpenTelemetry sdk = openTelemetry.getIfAvailable(OpenTelemetry::noop);
        return OpenTelemetrySpanFactory.builder()
                .tracer(sdk.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(sdk.getPropagators().getTextMapPropagator())
                .build();
    }

    /** After the request's observation (its trace is current) and before security, so every line of a request has both. */
    @Bean
    FilterRegistrationBean<CorrelationIds> correlationIds() {
        FilterRegistrationBean<CorrelationIds> registration = new FilterRegistrationBean<>(new CorrelationIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** {@code ledger.db.runtime-grants}: the grants the service's runtime role gets after each migration. */
    @Bean
    @ConditionalOnProperty("ledger.db.runtime-grants")
    FlywayConfigurationCustomizer runtimeRoleGrants(
            @Value("${ledger.db.runtime-grants}") Resource grants,
            @Value("${spring.datasource.username:}") String runtimeUser) {
        return configuration -> configuration.callbacks(new RuntimeRoleGrants(grants, runtimeUser));
    }
}
