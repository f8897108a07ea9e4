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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console's settings, and the demo identities of the local run for a browser on this machine. */
@RestController
@Hidden
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleController {

    /** One identity the console offers: the name the local run gave its token, and the token. */
    record DemoIdentity(String name, String token) {}

    record Settings(String commandUrl, int commandPort, ConsoleProperties.Oidc oidc, boolean demoIdentities) {}

    private final ConsoleProperties properties;
    private final ObjectMapper json;

    ConsoleController(ConsoleProperties properties, ObjectMapper json) {
        this.properties = properties;
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
                        properties.demoTokensFile().isPresent()));
    }

    /**
     * The local run's demo tokens, only when it named its {@code tokens.json} and only to a browser on this machine:
     * anyone else gets 404, as if the console had none.
     */
    @GetMapping("/console/demo-identities")
    ResponseEntity<List<DemoIdentity>> demoIdentities(HttpServletRequest request) throws IOException {
        Path file = properties.demoTokensFile().orElse(null);
        if (file == null || !Files.isRegularFile(file) || !loopback(request.getRemoteAddr())) {
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
