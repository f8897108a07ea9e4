package org.borderledger.query.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy of everything this service serves. The console runs only the scripts and styles it
 * serves itself (no inline script, no inline style attribute, no eval), talks only to this service, the command service
 * ({@code ledger.console.command-url}, or the console's own host name with {@code command-port}) and, when one is set,
 * the OpenID Connect provider, and may not be framed. Swagger UI, served on the same origin, gets a policy of its own
 * under its own paths: it talks to this service only, and its styles may be inline as its page needs.
 */
@Component
class ConsoleSecurityHeaders extends OncePerRequestFilter {

    static final String HEADER = "Content-Security-Policy";

    private final ConsoleProperties properties;

    ConsoleSecurityHeaders(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader(HEADER, swaggerUi(path) ? swaggerPolicy() : consolePolicy(request));
        chain.doFilter(request, response);
    }

    static boolean swaggerUi(String path) {
        return path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs");
    }

    String consolePolicy(HttpServletRequest request) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(commandOrigin(request));
        ConsoleProperties.Oidc oidc = properties.oidc();
        if (oidc != null && oidc.issuer() != null && !oidc.issuer().isBlank()) {
            connect.add(origin(URI.create(oidc.issuer().strip())));
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src " + String.join(" ", connect) + "; manifest-src 'self'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'; object-src 'none'";
    }

    static String swaggerPolicy() {
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none';"
                + " object-src 'none'";
    }

    /** Where the console sends writes and audit reads, as its script works it out. */
    private String commandOrigin(HttpServletRequest request) {
        String configured = properties.commandUrl();
        if (configured != null && !configured.isBlank()) {
            return origin(URI.create(configured.strip()));
        }
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return request.getScheme().toLowerCase(Locale.ROOT) + "://" + host + ":" + properties.commandPort();
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
