package org.borderledger.command.audit;

import com.zaxxer.hikari.HikariDataSource;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.borderledger.command.AuditedState;
import org.borderledger.command.agreement.AgreementState;
import org.borderledger.command.indicator.IndicatorState;
import org.borderledger.command.marker.MarkerState;
import org.borderledger.command.repatriation.CaseState;
import org.borderledger.security.FairShares;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration implements WebMvcConfigurer {

    /** A stream that outlives its own time bound by this much is cut by the servlet container. */
    private static final Duration CONTAINER_GRACE = Duration.ofMinutes(1);

    private final AuditProperties properties;

    AuditConfiguration(AuditProperties properties) {
        this.properties = properties;
    }

    @Bean(destroyMethod = "close")
    AuditConnections auditConnections(DataSourceProperties database) {
        HikariDataSource pool = database.initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        pool.setPoolName("audit-streams");
        pool.setMaximumPoolSize(properties.stream().maxConcurrent() + 1);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        pool.setReadOnly(true);
        return new AuditConnections(pool);
    }

    /**
     * Each slice's state as of a date in the API document, as an {@link AuditedState} with the state's own properties:
     * the {@code state} of {@link AggregateStates.AsOf} is one of them, not the bare interface.
     */
    @Bean
    OpenApiCustomizer auditedStateSchemas() {
        return api -> {
            Schema<?> asOf = api.getComponents().getSchemas().get("AsOf");
            if (asOf != null) {
                ((Schema<?>) asOf.getProperties().get("state")).set$ref(null);
            }
            Stream.of(AgreementState.class, CaseState.class, MarkerState.class, IndicatorState.class)
                    .forEach(state -> {
                        Map<String, Schema> schemas =
                                new HashMap<>(ModelConverters.getInstance().readAll(new AnnotatedType(state)));
                        Schema<?> own = schemas.remove(state.getSimpleName());
                        schemas.forEach(api.getComponents().getSchemas()::putIfAbsent);
                        api.getComponents()
                                .addSchemas(
                                        state.getSimpleName(),
                                        new ComposedSchema()
                                                .addAllOfItem(new Schema<>().$ref(AuditedState.class.getSimpleName()))
                                                .addAllOfItem(new ObjectSchema().properties(own.getProperties())));
                    });
        };
    }

    /** The pages', histories' and states' own pool: one connection per allowed query, statements bounded in time. */
    @Bean(destroyMethod = "close")
    AuditQueries auditQueries(DataSourceProperties database) {
        AuditProperties.Query limits = properties.query();
        HikariDataSource pool = database.initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        pool.setPoolName("audit-queries");
        pool.setMaximumPoolSize(limits.maxConcurrent());
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        pool.setReadOnly(true);
        pool.setConnectionInitSql(
                "SET statement_timeout = " + limits.statementTimeout().toMillis());
        return new AuditQueries(pool, new FairShares(limits.maxConcurrent(), limits.maxConcurrentPerSubject()));
    }

    /**
     * NDJSON streams are the service's asynchronous requests; the container ends one that is still running a minute
     * after its own time bound (a client that stopped reading).
     */
    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(
                properties.stream().maxDuration().plus(CONTAINER_GRACE).toMillis());
    }
}
