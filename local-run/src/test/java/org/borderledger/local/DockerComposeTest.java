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

/** docker-compose.yml cannot run on a machine without a Docker engine; this keeps it correct by reading it. */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LEDGER_[A-Z_]+)");

    private final Map<String, Map<String, Object>> services = services();

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

        assertThat(images).hasSize(2);
        assertThat(dockerfileBases).hasSize(2);
        assertThat(images).allSatisfy(DockerComposeTest::assertPinned);
        assertThat(dockerfileBases).allSatisfy(DockerComposeTest::assertPinned);
    }

    @Test
    void runsKafkaInKraftModeAndTheServicesWaitForHealthyInfrastructure() {
        assertThat(services).containsOnlyKeys("postgres", "kafka", "command-service", "query-service");
        assertThat(environment("kafka").get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(services.get("postgres")).containsKey("healthcheck");
        assertThat(services.get("kafka")).containsKey("healthcheck");
        for (String service : List.of("command-service", "query-service")) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) services.get(service).get("depends_on");
            assertThat(dependsOn).containsOnlyKeys("postgres", "kafka");
            assertThat(dependsOn.values())
                    .allSatisfy(condition -> assertThat(condition).containsEntry("condition", "service_healthy"));
            assertThat(services.get(service)).containsKey("healthcheck");
        }
    }

    @Test
    void setsOnlyVariablesTheServicesReadAndPointsThemAtTheComposeHosts() throws IOException {
        assertThat(environment("command-service").keySet()).isSubsetOf(placeholders("command-service.yml"));
        assertThat(environment("query-service").keySet()).isSubsetOf(placeholders("query-service.yml"));
        assertThat(environment("command-service").get("LEDGER_COMMAND_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/ledger_command");
        assertThat(environment("query-service").get("LEDGER_QUERY_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/ledger_query");
        assertThat(Files.readString(ROOT.resolve("docker/postgres-init.sql")))
                .contains("CREATE DATABASE ledger_command")
                .contains("CREATE DATABASE ledger_query");
        String internalListener = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(internalListener).contains("kafka:29092");
        assertThat(environment("command-service").get("LEDGER_KAFKA_BOOTSTRAP")).isEqualTo("kafka:29092");
        assertThat(environment("query-service").get("LEDGER_KAFKA_BOOTSTRAP")).isEqualTo("kafka:29092");
    }

    private static void assertPinned(String image) {
        assertThat(image).as(image).matches("[^:]+:[0-9][^:]*").doesNotEndWith(":latest");
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
