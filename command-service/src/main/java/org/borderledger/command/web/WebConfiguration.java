package org.borderledger.command.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.borderledger.security.LedgerSecurity;
import org.borderledger.security.RequestParameters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<HttpMessageConverters> converters;

    WebConfiguration(ObjectProvider<HttpMessageConverters> converters) {
        this.converters = converters;
    }

    /**
     * The business clock: "today" is today on the border (both provinces are UTC+7), so a fact dated today in Kampot
     * at 06:00 is not refused as a future date.
     */
    @Bean
    Clock clock(@Value("${ledger.business-zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** {@code @PastOrPresent} checks dates against the business clock. */
    @Bean
    ValidationConfigurationCustomizer businessClockForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    /**
     * The endpoint of every write of every {@link WriteSource}: {@code POST} the source's path followed by the write's
     * {@link WritePath}, answered by a {@link WriteHandler}.
     */
    @Bean
    SmartInitializingSingleton writeEndpoints(
            List<WriteSource> sources,
            Submissions submissions,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        return () -> sources.forEach(source -> source.operations().forEach(write -> {
            WritePath path = write.body().getAnnotation(WritePath.class);
            if (path == null) {
                throw new IllegalStateException(write.body().getName() + " has no @WritePath");
            }
            String tag = source.getClass()
                    .getSimpleName()
                    .replaceAll("([a-z])([A-Z])", "$1-$2")
                    .toLowerCase(Locale.ROOT);
            mapping.registerMapping(
                    RequestMappingInfo.paths(source.path() + path.value())
                            .methods(RequestMethod.POST)
                            .options(mapping.getBuilderConfiguration())
                            .build(),
                    new WriteHandler(write, path, tag, submissions),
                    write.targeted() ? WriteHandler.TARGETED : WriteHandler.CREATING);
        }));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WriteLimits()).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new WriteBodies(converters.getObject().getConverters()));
        resolvers.add(RequestParameters.of(
                SubmissionContext.class,
                http -> SubmissionContext.of(
                        LedgerSecurity.current(),
                        http.getHeader(SubmissionContext.IDEMPOTENCY_KEY),
                        http.getHeader(SubmissionContext.REQUEST_ID),
                        http.getHeader(SubmissionContext.CORRELATION_ID))));
    }
}
