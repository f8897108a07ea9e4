package org.borderledger.command.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.borderledger.security.LedgerLocales;
import org.borderledger.security.LedgerSecurity;
import org.borderledger.security.RequestParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

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

    /** Answers are in the language of the request's {@code Accept-Language}: Khmer, Vietnamese or English. */
    @Bean
    LocaleResolver localeResolver() {
        return new LedgerLocales();
    }

    /** Request bodies are read with their text in NFC ({@link NormalizedText}). */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(NormalizedText.reading(jackson.getObjectMapper()));
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WriteLimits()).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(RequestParameters.of(
                SubmissionContext.class,
                http -> SubmissionContext.of(
                        LedgerSecurity.current(),
                        http.getHeader(SubmissionContext.IDEMPOTENCY_KEY),
                        http.getHeader(SubmissionContext.REQUEST_ID),
                        http.getHeader(SubmissionContext.CORRELATION_ID))));
    }
}
