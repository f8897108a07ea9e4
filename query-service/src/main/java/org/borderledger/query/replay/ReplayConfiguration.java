package org.borderledger.query.replay;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import org.borderledger.query.rebuild.RebuildProperties;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RebuildProperties.class)
class ReplayConfiguration implements WebMvcConfigurer {

    private final RebuildingReads rebuildingReads;

    ReplayConfiguration(RebuildingReads rebuildingReads) {
        this.rebuildingReads = rebuildingReads;
    }

    /** First, so that every answer of a read during a replay is marked, a 503 of read-your-writes included. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rebuildingReads)
                .addPathPatterns("/api/**")
                .excludePathPatterns("/api/admin/**")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }

    /** Documents the replay marking on every read operation. */
    @Bean
    OperationCustomizer rebuildingHeader() {
        return (operation, handlerMethod) -> {
            String name = handlerMethod.getBeanType().getPackageName();
            if (!name.startsWith("org.borderledger.query")
                    || name.startsWith("org.borderledger.query.replay")
                    || name.startsWith("org.borderledger.query.consistency")
                    || operation.getResponses() == null) {
                return operation;
            }
            operation
                    .getResponses()
                    .values()
                    .forEach(response -> response.addHeaderObject(
                            RebuildingReads.HEADER,
                            new Header()
                                    .description("true while a replay rebuilds the read models: the answer reflects the"
                                            + " rebuild as far as it has come (X-Ledger-Position); JSON bodies then carry"
                                            + " \"rebuilding\": true. Absent otherwise.")
                                    .schema(new BooleanSchema())));
            return operation;
        };
    }
}
