package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The console over TLS in docker-compose.yml, as far as reading it (and the proxy's configuration) shows: a pinned
 * reverse proxy with the operator's certificate, the console and the command API behind it, the console told to write
 * through it, the command API and the identity provider accepting its origin, and a self-signed pair for trials.
 */
class ConsoleTlsComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CADDYFILE = ROOT.resolve("docker/console-tls/Caddyfile");

    private final Map<String, Map<String, Object>> services = services();

    @Test
    void aPinnedProxyServesTheConsoleAndTheCommandApiWithTheOperatorsCertificate() throws IOException {
        Map<String, Object> proxy = services.get("console-tls");
        assertThat((String) proxy.get("image")).matches("caddy:2\\.[0-9]+\\.[0-9]+-alpine");
        assertThat(list(proxy, "ports")).containsExactly("8443:8443", "9443:9443");
        assertThat(list(proxy, "volumes"))
                .contains(
                        "./docker/console-tls/Caddyfile:/etc/caddy/Caddyfile:ro",
                        "${LEDGER_TLS_DIR:-./docker/console-tls/certs}:/certs:ro");

        String caddyfile = Files.readString(CADDYFILE);
        assertThat(caddyfile)
                .contains(
                        ":8443 {", ":9443 {", "reverse_proxy query-service:8082", "reverse_proxy command-service:8081")
                .contains("tls /certs/console.crt /certs/console.key")
                .doesNotContain("tls internal");
        assertThat(caddyfile.split("tls /certs/console.crt /certs/console.key", -1))
                .as("both sites on the operator's certificate")
                .hasSize(3);
    }

    @Test
    void theConsoleWritesThroughTheProxyAndItsOriginIsAccepted() throws IOException {
        assertThat(environment("query-service").get("LEDGER_CONSOLE_COMMAND_URL"))
                .isEqualTo("${LEDGER_CONSOLE_COMMAND_URL:-https://localhost:9443}");
        assertThat(environment("command-service").get("LEDGER_CONSOLE_ORIGINS"))
                .startsWith("${LEDGER_CONSOLE_ORIGIN:-https://localhost:8443},")
                .contains("http://localhost:8082");
        assertThat(Files.readString(ROOT.resolve("docker/keycloak/border-ledger-realm.json")))
                .contains("\"https://localhost:8443/*\"");
    }

    @Test
    void theTrialScriptWritesASelfSignedPairForLocalhost(@TempDir Path certs) throws Exception {
        Path script = ROOT.resolve("docker/console-tls/self-signed.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        assumeThat(Files.isExecutable(Path.of("/usr/bin/openssl")))
                .as("openssl installed")
                .isTrue();
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        builder.environment().put("LEDGER_TLS_DIR", certs.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(certs.resolve("console.crt"))) {
            certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        certificate.checkValidity();
        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(name -> String.valueOf(name.get(1)))
                .contains("localhost", "127.0.0.1");
        assertThat(Files.readString(certs.resolve("console.key"))).contains("PRIVATE KEY");
    }

    @SuppressWarnings("unchecked")
    private List<String> list(Map<String, Object> service, String key) {
        return ((List<Object>) service.get(key)).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        return (Map<String, String>) (Map<String, ?>) services.get(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
