package org.borderledger.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resource-server set-up both services share. Keys come from a JWK set URI ({@code ledger.security.jwk-set-uri},
 * RS256/ES256, for a real identity provider) or else from an HS256 secret ({@code ledger.security.jwt-secret}, at
 * least 32 bytes, for the local run). Expiry and not-before are checked with a small clock skew
 * ({@code ledger.security.clock-skew}, 30 s). The issuer ({@code ledger.security.jwt-issuer}, the {@code iss} claim
 * exactly) and the audience ({@code ledger.security.jwt-audience}, one of the {@code aud} values) must match, so that a
 * token the same identity provider issued for another application is refused: with a JWK set both are required (the
 * service refuses to start without them), with the local secret they are checked when set. With
 * {@code ledger.security.tokens-not-before} (an instant; the local run's {@code --reset-tokens} sets it) every token
 * issued before it ({@code iat}) is refused. Unsigned ({@code alg: none}) tokens never decode.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerSecurity {

    public static final int MIN_SECRET_BYTES = 32;

    private final SecurityProblems problems = new SecurityProblems();

    @Bean
    JwtDecoder jwtDecoder(
            @Value("${ledger.security.jwk-set-uri:}") String jwkSetUri,
            @Value("${ledger.security.jwt-secret:}") String secret,
            @Value("${ledger.security.clock-skew:30s}") Duration clockSkew,
            @Value("${ledger.security.jwt-issuer:}") String issuer,
            @Value("${ledger.security.jwt-audience:}") String audience,
            @Value("${ledger.security.tokens-not-before:}") String tokensNotBefore) {
        NimbusJwtDecoder decoder;
        if (!jwkSetUri.isBlank()) {
            requireIssuerAndAudience(issuer, audience);
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .jwsAlgorithm(SignatureAlgorithm.ES256)
                    .build();
        } else {
            decoder = NimbusJwtDecoder.withSecretKey(hmacKey(secret))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        }
        OAuth2TokenValidator<Jwt> validator =
                validator(clockSkew, issuer, audience, TokensNotBefore.parse(tokensNotBefore));
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, Duration.ofMinutes(5), 10_000);
    }

    /**
     * A JWK set is a real identity provider's, which issues tokens for other applications too: without the issuer and
     * the audience a token meant for one of those would be taken.
     */
    static void requireIssuerAndAudience(String issuer, String audience) {
        List<String> missing = new ArrayList<>();
        if (issuer.isBlank()) {
            missing.add("ledger.security.jwt-issuer (LEDGER_JWT_ISSUER)");
        }
        if (audience.isBlank()) {
            missing.add("ledger.security.jwt-audience (LEDGER_JWT_AUDIENCE)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ledger.security.jwk-set-uri (LEDGER_JWK_SET_URI) is set, so "
                    + String.join(" and ", missing) + " must be set too: the identity provider issues tokens for"
                    + " other applications as well");
        }
    }

    /** Expiry and not-before, the issuer and audience where configured, then the ledger's own claims. */
    static OAuth2TokenValidator<Jwt> validator(Duration clockSkew, String issuer, String audience) {
        return validator(clockSkew, issuer, audience, null);
    }

    /** As {@link #validator(Duration, String, String)}, and tokens issued before {@code notBefore} (when set) refused. */
    static OAuth2TokenValidator<Jwt> validator(
            Duration clockSkew, String issuer, String audience, TokensNotBefore notBefore) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(clockSkew));
        if (notBefore != null) {
            validators.add(notBefore);
        }
        if (!issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        if (!audience.isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, values -> values != null && values.contains(audience)));
        }
        validators.add(new LedgerClaimsValidator());
        validators.add(new ProvinceClaimValidator());
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** The HMAC key of a shared secret: its UTF-8 bytes, as most JWT libraries and jwt.io use them. */
    public static SecretKey hmacKey(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("ledger.security.jwt-secret (LEDGER_JWT_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes, or set ledger.security.jwk-set-uri (LEDGER_JWK_SET_URI)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /**
     * Marker ids such as {@code 314/1} travel URL-encoded in paths ({@code /api/markers/314%2F1}). Tomcat decodes
     * {@code %2F} in the servlet path, Spring MVC still matches on the raw path so {@code {id}} is {@code 314/1}, and
     * the firewall lets the encoded slash through.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesInTomcat() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue());
    }

    /** Requests Tomcat refuses itself (a path with {@code %00}, a malformed request line) are answered problem+json. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    WebSecurityCustomizer encodedSlashesInFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowedHeaderNames(value -> assignedAndNoControl(value, false));
        firewall.setAllowedHeaderValues(value -> assignedAndNoControl(value, true));
        firewall.setAllowedParameterNames(value -> assignedAndNoControl(value, false));
        return web -> web.httpFirewall(firewall);
    }

    /**
     * The firewall's default rules for header names and values and parameter names, the regular expressions
     * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values: tab allowed too), as a loop: the expressions cost a fifth of
     * a write's CPU time, most of it on the 400 characters of the bearer token.
     */
    static boolean assignedAndNoControl(String value, boolean tabAllowed) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if ((c < 0x20 || c >= 0x7f) && !(tabAllowed && c == '\t')) {
                int type = Character.getType(c);
                if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                    return false;
                }
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Cross-origin calls to {@code /api/**} from the web console's origins ({@code ledger.console.allowed-origins}, e.g.
     * the query service that serves it calling the command service), with the request headers the API reads and the
     * response headers it sets. No origin is allowed when none is configured; no cookies are involved either way.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${ledger.console.allowed-origins:}") List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = allowedOrigins.stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .toList();
        if (origins.isEmpty()) {
            return source;
        }
        CorsConfiguration console = new CorsConfiguration();
        console.setAllowedOrigins(origins);
        console.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        console.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "Idempotency-Key",
                "X-Request-Id",
                "X-Correlation-Id",
                "X-Min-Position",
                "Prefer"));
        console.setExposedHeaders(
                List.of("Location", "Retry-After", "X-Ledger-Position", "X-Ledger-Rebuilding", "Link"));
        console.setAllowCredentials(false);
        console.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", console);
        return source;
    }

    /** Controllers may declare a {@link LedgerPrincipal} parameter: the authenticated token's principal. */
    @Bean
    WebMvcConfigurer ledgerPrincipalParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(RequestParameters.of(LedgerPrincipal.class, request -> current()));
            }
        };
    }

    /** The principal of the current request's token. */
    public static LedgerPrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return LedgerPrincipal.of(jwt);
        }
        throw new IllegalStateException("No authenticated ledger principal");
    }

    /**
     * Whether the request came in on the management server ({@code management.server.port}, its own port): that port
     * serves only the actuator (health, Prometheus) to the operator's network and is never published, so it asks for
     * no ledger token; health still shows its details only to a token with the role ADMIN.
     */
    static boolean onManagementServer(HttpServletRequest request) {
        return WebApplicationContextUtils.getWebApplicationContext(request.getServletContext())
                        instanceof WebServerApplicationContext server
                && WebServerApplicationContext.hasServerNamespace(server, "management");
    }

    /**
     * A stateless filter chain: everything on the management port, health ({@code /livez}, {@code /readyz} on the
     * service's port) and the OpenAPI document are public, the service's {@code rules} come next,
     * and every other request needs a valid token. Refusals are problem+json.
     */
    public SecurityFilterChain filterChain(
            HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        return http.csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(LedgerSecurity::onManagementServer).permitAll();
                    requests.requestMatchers(
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/livez",
                                    "/readyz",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/v3/api-docs.yaml",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**",
                                    "/error")
                            .permitAll();
                    rules.customize(requests);
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }
}
