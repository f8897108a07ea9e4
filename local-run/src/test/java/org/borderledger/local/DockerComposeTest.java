package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What docker-compose.yml promises that only reading it shows: pinned images, what is published, start order, and the
 * monitoring profile. {@link ComposeEnvironmentIT} starts the services with its environment.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LEDGER_[A-Z_]+)");

    private final Map<String, Map<String, Object>> services = services();

    /** Variables the services read outside their configuration files (shared-operations' LedgerEnvironment). */
    private static final Set<String> READ_IN_CODE = Set.of("LEDGER_LOG_FORMAT", "LEDGER_OTLP_ENDPOINT");

    @Test
    void everyImageHasAPinnedTag() throws IOException {
        List<String> images = services.values().stream()
                .map(service -> (String) service.get("image"))
                .filter(image -> image != null)
                .toList();
        List<String> dockerfileBases = Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("FROM "))
                .map(line -> line.split("\\s+")[1])
                .toList();

        assertThat(images).hasSize(services.size() - 2);
        assertThat(dockerfileBases).hasSize(2);
        assertThat(images).allSatisfy(DockerComposeTest::assertPinned);
        assertThat(dockerfileBases).allSatisfy(DockerComposeTest::assertPinned);
    }

    @Test
    void publishesOnlyHttpPortsAndTheAdministrationOnesOnlyOnTheLoopbackInterface() {
        assertThat(services.get("postgres")).doesNotContainKey("ports");
        assertThat(services.get("kafka")).doesNotContainKey("ports");
        assertThat(ports("command-service")).containsExactly("8081:8081");
        assertThat(ports("query-service")).containsExactly("8082:8082");
        for (String service : List.of("keycloak", "prometheus", "grafana")) {
            assertThat(ports(service)).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        }
        assertThat(environment("kafka").get("KAFKA_LISTENERS")).doesNotContain("EXTERNAL");
    }

    @Test
    void runsKafkaInKraftModeAndTheServicesWaitForHealthyInfrastructure() {
        assertThat(services)
                .containsOnlyKeys(
                        "postgres",
                        "kafka",
                        "keycloak",
                        "command-service",
                        "query-service",
                        "console-tls",
                        "prometheus",
                        "grafana");
        assertThat(environment("kafka").get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        for (String service : List.of("postgres", "kafka", "keycloak")) {
            assertThat(services.get(service)).containsKey("healthcheck");
        }
        for (String service : List.of("command-service", "query-service")) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) services.get(service).get("depends_on");
            assertThat(dependsOn).containsOnlyKeys("postgres", "kafka", "keycloak");
            assertThat(dependsOn.values())
                    .allSatisfy(condition -> assertThat(condition).containsEntry("condition", "service_healthy"));
            assertThat(services.get(service)).containsKey("healthcheck");
        }
    }

    @Test
    void setsOnlyVariablesTheServicesRead() throws IOException {
        Set<String> command = new java.util.HashSet<>(placeholders("command-service.yml"));
        command.addAll(READ_IN_CODE);
        Set<String> query = new java.util.HashSet<>(placeholders("query-service.yml"));
        query.addAll(READ_IN_CODE);
        assertThat(environment("command-service").keySet()).isSubsetOf(command);
        assertThat(environment("query-service").keySet()).isSubsetOf(query);
    }

    @Test
    void prometheusScrapesTheManagementPortsAndGrafanaRunsOnlyInTheMonitoringProfile() throws IOException {
        String scrapeConfig = Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml"));
        assertThat(scrapeConfig)
                .contains("command-service:" + environment("command-service").get("LEDGER_MANAGEMENT_PORT"))
                .contains("query-service:" + environment("query-service").get("LEDGER_MANAGEMENT_PORT"))
                .contains("/actuator/prometheus");
        assertThat(services.get("prometheus").get("profiles")).isEqualTo(List.of("monitoring"));
        assertThat(services.get("grafana").get("profiles")).isEqualTo(List.of("monitoring"));
        assertThat(Files.readString(ROOT.resolve("docker/grafana/dashboards/border-ledger.json")))
                .contains(
                        "ledger_publisher_lag_events",
                        "ledger_publisher_lag_seconds",
                        "ledger_projection_lag_records",
                        "ledger_seal_lag_events",
                        "ledger_deadletters",
                        "ledger_idempotency_keys",
                        "http_server_requests_seconds");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRealmsUsersHaveNoCommittedPasswordAndTheConsolesClientNoPasswordGrant() throws IOException {
        String realm = Files.readString(ROOT.resolve("docker/keycloak/border-ledger-realm.json"));
        Map<String, Object> parsed = new Yaml().load(realm);
        List<Map<String, Object>> users = (List<Map<String, Object>>) parsed.get("users");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) parsed.get("clients");
        Map<String, String> keycloak = environment("keycloak");
        String example = Files.readString(ROOT.resolve(".env.example"));

        assertThat(users).isNotEmpty();
        for (Map<String, Object> user : users) {
            for (Map<String, Object> credential : (List<Map<String, Object>>) user.get("credentials")) {
                String value = String.valueOf(credential.get("value"));
                assertThat(value).as(user.get("username") + "'s password").matches("\\$\\{LEDGER_REALM_[A-Z_]+}");
                String variable = value.substring(2, value.length() - 1);
                assertThat(keycloak.get(variable))
                        .as("compose requires " + variable + " from the environment, with no default")
                        .startsWith("${" + variable + ":?");
                assertThat(example).contains(variable + "=\n");
            }
        }
        assertThat(clients)
                .filteredOn(client -> "border-ledger".equals(client.get("clientId")))
                .singleElement()
                .satisfies(client ->
                        assertThat(client.get("directAccessGrantsEnabled")).isEqualTo(false));
    }

    @Test
    void theWriteRateLimitIsOnInCompose() {
        assertThat(environment("command-service").get("LEDGER_WRITE_RATE_LIMIT"))
                .isEqualTo("${LEDGER_WRITE_RATE_LIMIT:-5}");
        assertThat(environment("command-service").get("LEDGER_WRITE_RATE_BURST"))
                .isEqualTo("${LEDGER_WRITE_RATE_BURST:-1000}");
    }

    private static void assertPinned(String image) {
        assertThat(image).as(image).matches("[^:]+:v?[0-9][^:]*").doesNotEndWith(":latest");
    }

    @SuppressWarnings("unchecked")
    private List<String> ports(String service) {
        return ((List<Object>) services.get(service).get("ports"))
                .stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        Map<String, Object> environment =
                (Map<String, Object>) services.get(service).get("environment");
        return environment.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
    }

    private static Set<String> placeholders(String configFile) throws IOException {
        try (InputStream in = DockerComposeTest.class.getClassLoader().getResourceAsStream(configFile)) {
            assertThat(in).as(configFile + " on the classpath").isNotNull();
            Matcher matcher = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return matcher.results().map(result -> result.group(1)).collect(Collectors.toSet());
        }
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
