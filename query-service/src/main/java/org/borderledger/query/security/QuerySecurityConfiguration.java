package org.borderledger.query.security;

import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(LedgerSecurity.class)
class QuerySecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LedgerSecurity security) throws Exception {
        return security.filterChain(http, requests -> requests.requestMatchers(
                        HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/console/**", "/webjars/**")
                .permitAll()
                // the local run's sign-in link: the nonce is the credential, checked with the Host by the console
                .requestMatchers(HttpMethod.POST, "/console/demo-sign-in")
                .permitAll()
                .requestMatchers("/api/admin/dead-letters/**")
                .hasRole(LedgerPrincipal.ADMIN)
                .requestMatchers("/api/admin/**")
                .hasAnyRole(LedgerPrincipal.ADMIN, LedgerPrincipal.AUDITOR)
                .requestMatchers(HttpMethod.GET, "/api/**")
                .authenticated()
                .requestMatchers("/api/**")
                .denyAll());
    }
}
