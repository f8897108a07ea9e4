package org.borderledger.query.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The console's settings, and the demo identities of the local run for a browser on this machine. */
@RestController
@Hidden
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleController {

    /** One identity the console offers: the name the local run gave its token, and the token. */
    record DemoIdentity(String name, String token) {}

    record Settings(String commandUrl, int commandPort, ConsoleProperties.Oidc oidc, boolean demoIdentities) {}

    /** What the console sends from a sign-in link: the link's nonce. */
    record SignInLink(String nonce) {}

    /** The names a browser on this machine uses for it; any other {@code Host} may be a rebound DNS name. */
    static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ConsoleProperties properties;
    private final DemoSignIn demoSignIn;
    private final ObjectMapper json;

    ConsoleController(ConsoleProperties properties, ObjectProvider<DemoSignIn> demoSignIn, ObjectMapper json) {
        if (properties.demoTokens() != null && !properties.demoTokens().isBlank()) {
            throw new IllegalStateException("ledger.console.demo-tokens (LEDGER_CONSOLE_DEMO_TOKENS) is refused: demo"
                    + " identities exist only in ./run-local.sh, which hands them out through one-time sign-in links");
        }
        this.properties = properties;
        this.demoSignIn = demoSignIn.getIfAvailable();
        this.json = json;
    }

    @GetMapping("/console/config.json")
    ResponseEntity<Settings> settings() {
        ConsoleProperties.Oidc oidc = properties.oidc();
        boolean withOidc =
                oidc != null && oidc.issuer() != null && !oidc.issuer().isBlank();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Settings(
                        blankToNull(properties.commandUrl()),
                        properties.commandPort(),
                        withOidc ? oidc : null,
                        demoSignIn != null));
    }

    /**
     * The local run's demo tokens for the nonce of a sign-in link printed on its terminal (once per link, within its
     * lifetime), and only to a browser on this machine that names this machine: a loopback connection whose
     * {@code Host} is {@code localhost}, {@code 127.0.0.1} or {@code [::1]} with the console's port, and that came
     * through no proxy ({@code Forwarded}, {@code X-Forwarded-*}, {@code Via}). Anyone else gets 404, as if the console
     * had none.
     */
    @PostMapping("/console/demo-sign-in")
    ResponseEntity<List<DemoIdentity>> demoSignIn(
            HttpServletRequest request, @RequestBody(required = false) SignInLink link) throws IOException {
        if (demoSignIn == null || link == null || !fromThisMachine(request, demoSignIn.port())) {
            return ResponseEntity.notFound().build();
        }
        Path file = demoSignIn.redeem(link.nonce()).filter(Files::isRegularFile).orElse(null);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        Map<String, String> tokens =
                json.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() {});
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(tokens.entrySet().stream()
                        .map(entry -> new DemoIdentity(entry.getKey(), entry.getValue()))
                        .toList());
    }

    /** A loopback connection, naming a loopback host with {@code port}, with no header a proxy adds. */
    static boolean fromThisMachine(HttpServletRequest request, int port) {
        if (!loopback(request.getRemoteAddr())) {
            return false;
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("forwarded") || lower.startsWith("x-forwarded-") || lower.equals("via")) {
                return false;
            }
        }
        List<String> hosts = Collections.list(request.getHeaders("Host"));
        return hosts.size() == 1 && localHost(hosts.get(0), port);
    }

    /** {@code host} is exactly one of {@link #LOCAL_HOSTS}, a colon and {@code port}. */
    static boolean localHost(String host, int port) {
        if (host == null) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        if (colon < 0 || !host.substring(colon + 1).equals(String.valueOf(port))) {
            return false;
        }
        return LOCAL_HOSTS.contains(host.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
