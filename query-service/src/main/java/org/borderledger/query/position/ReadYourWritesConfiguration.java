package org.borderledger.query.position;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadProperties.class)
class ReadYourWritesConfiguration implements WebMvcConfigurer {

    private final ProcessedPositions positions;
    private final ReadProperties properties;

    ReadYourWritesConfiguration(ProcessedPositions positions, ReadProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReadYourWritesInterceptor(
                        positions, properties.maxWait(), properties.maxWaiting(), properties.maxWaitingPerSubject()))
                .addPathPatterns("/api/**");
    }

    /** Documents, on every query operation, the read-your-writes inputs the interceptor understands. */
    @Bean
    OperationCustomizer readYourWritesParameters() {
        return (operation, handlerMethod) -> {
            if (!handlerMethod.getBeanType().getPackageName().startsWith("org.borderledger.query")) {
                return operation;
            }
            operation
                    .addParametersItem(new Parameter()
                            .in("query")
                            .name(ReadPosition.MIN_PARAMETER)
                            .description("Wait until the event at this position has been processed (read-your-writes)")
                            .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)))
                    .addParametersItem(new Parameter()
                            .in("header")
                            .name(ReadPosition.MIN_HEADER)
                            .description("Same as minPosition")
                            .schema(new IntegerSchema().format("int64")))
                    .addParametersItem(new Parameter()
                            .in("header")
                            .name("Prefer")
                            .description("wait=<seconds>: wait less than the server's maximum for minPosition")
                            .schema(new StringSchema()));
            operation
                    .getResponses()
                    .addApiResponse(
                            "503",
                            new ApiResponse()
                                    .description("minPosition not processed within the wait, or too many reads"
                                            + " waiting already; Retry-After says when to retry"));
            return operation;
        };
    }
}
