package org.borderledger.command.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.borderledger.security.FairShares;
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
