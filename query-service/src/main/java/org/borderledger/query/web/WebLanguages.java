package org.borderledger.query.web;

import org.borderledger.security.LedgerLocales;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers are in the language of the request's {@code Accept-Language} ({@link LedgerLocales}): Khmer, Vietnamese or
 * English, from the catalogues {@code i18n/query-messages}.
 */
@Configuration(proxyBeanMethods = false)
class WebLanguages implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new LedgerLocales();
    }
}
