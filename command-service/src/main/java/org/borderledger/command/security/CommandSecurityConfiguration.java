package org.borderledger.command.security;

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
class CommandSecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LedgerSecurity security) throws Exception {
        return security.filterChain(http, requests -> requests.requestMatchers(HttpMethod.GET, "/api/contract/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/jurisdictions")
                .authenticated()
                .requestMatchers("/api/audit/**")
                .hasRole(LedgerPrincipal.AUDITOR)
                .requestMatchers("/api/admin/verifications/**", "/api/admin/verifications")
                .hasAnyRole(LedgerPrincipal.ADMIN, LedgerPrincipal.AUDITOR)
                .requestMatchers("/api/admin/**")
                .hasRole(LedgerPrincipal.ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/**")
                .hasRole(LedgerPrincipal.UNIT)
                .requestMatchers("/api/**")
                .denyAll());
    }
}
