package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, started without Docker: each service's executable jar runs with exactly the environment compose
 * gives it (interpolated as compose does, defaults included, over an empty process environment), with only the
 * addresses mapped to this machine: the compose host {@code postgres} to the test's PostgreSQL, {@code kafka} to the
 * test's broker, {@code keycloak} to a JWK set this test serves and signs tokens with (same issuer and audience as
 * compose names), and the published ports to free ones. The databases and roles come from the same init script the
 * PostgreSQL container runs, under names of this run; named volumes are directories of this run, and the variables
 * compose requires come from the operator's {@code .env}, played by a map of this test. A variable a service needs that compose
 * lacks fails it.
 */
class ComposeEnvironmentIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)");
    private static final Duration START = Duration.ofMinutes(4);

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** What an operator puts in the {@code .env} beside docker-compose.yml: the variables compose requires. */
    private static final Map<String, String> OPERATOR_ENV =
            Map.of("LEDGER_RECORD_KEYS", "compose=" + Base64.getEncoder().encodeToString(randomBytes(32)));

    private static final Path VOLUMES =
            Path.of("target", "compose-volumes-" + RUN).toAbsolutePath();
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    private static Map<String, Map<String, Object>> compose;
    private static HttpServer identityProvider;
    private static RSAKey signingKey;
    private static String pgHost;
    private static int pgPort;
    private static final List<Process> started = new ArrayList<>();
    private static final Map<String, Path> logs = new HashMap<>();
    private static LedgerHttp command;
    private static LedgerHttp query;
    private static int commandManagementPort;
    private static int queryManagementPort;

    @BeforeAll
    static void startTheComposeServices() throws Exception {
        assumeThat(onPath("psql"))
                .as("psql on the PATH runs the database init script")
                .isTrue();
        compose = services();
        for (String name : List.of(
                "ledger_owner",
                "ledger_command",
                "ledger_command_app",
                "ledger_query",
                "ledger_query_app",
                "keycloak")) {
            NAMES.put(name, name + "_compose_" + RUN);
        }
        serveTheIdentityProvidersKeys();
        createDatabasesWithTheInitScript();

        int commandPort = freePort();
        int queryPort = freePort();
        commandManagementPort = freePort();
        queryManagementPort = freePort();
        started.add(start(
                "command-service",
                Map.of(
                        "LEDGER_COMMAND_PORT", String.valueOf(commandPort),
                        "LEDGER_MANAGEMENT_PORT", String.valueOf(commandManagementPort),
                        // one line per request (the dispatcher's "Completed 201"), to see what a request's lines carry
                        "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB_SERVLET", "DEBUG")));
        started.add(start(
                "query-service",
                Map.of(
                        "LEDGER_QUERY_PORT", String.valueOf(queryPort),
                        "LEDGER_MANAGEMENT_PORT", String.valueOf(queryManagementPort))));
        command = new LedgerHttp("http://localhost:" + commandPort);
        query = new LedgerHttp("http://localhost:" + queryPort);
        awaitReady(started.get(0), "http://localhost:" + commandManagementPort, "command-service");
        awaitReady(started.get(1), "http://localhost:" + queryManagementPort, "query-service");
    }

    @AfterAll
    static void stopEverything() {
        started.forEach(process -> {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        });
        if (identityProvider != null) {
            identityProvider.stop(0);
        }
        if (pgHost != null) {
            for (String database : List.of("ledger_command", "ledger_query", "keycloak")) {
                admin("DROP DATABASE IF EXISTS \"" + NAMES.get(database) + "\" WITH (FORCE)");
            }
            for (String role : List.of("ledger_command_app", "ledger_query_app", "keycloak", "ledger_owner")) {
                admin("DROP ROLE IF EXISTS \"" + NAMES.get(role) + "\"");
            }
        }
    }

    @Test
    void writesThroughTheCommandServiceAndReadsThroughTheQueryService() throws Exception {
        String markerId = "COMPOSE-" + RUN;
        String traceId = "4bf92f3577b34da6a3ce929d" + RUN;
        String correlationId = "compose-correlation-" + RUN;
        LedgerHttp.Response written = command.post(
                "/api/markers",
                token(KIEN_GIANG, audience()),
                "{\"id\":\"" + markerId + "\",\"type\":\"MAIN\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                        + "\"responsibleSide\":\"VN\"}",
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Correlation-Id", correlationId));
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(written.header("X-Correlation-Id")).isEqualTo(correlationId);
        List<String> lines = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            lines = Files.readAllLines(logs.get("command-service")).stream()
                    .filter(line -> line.contains(correlationId))
                    .toList();
            Thread.sleep(200);
        }
        assertThat(lines)
                .as("the JSON lines of the request carry its trace id and correlation id")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{").contains(traceId));
        long position = written.json().get("position").asLong();

        String path = "/api/markers/by-id?id=" + markerId + "&minPosition=" + position;
        LedgerHttp.Response read =
                LocalRuns.until(200, Duration.ofSeconds(90), () -> query.get(path, token(AUDITOR, audience())));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("id").asText()).isEqualTo(markerId);
    }

    @Test
    void logsOneJsonObjectPerLine() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(logs.get("command-service")).stream()
                .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .filter(line -> !line.isBlank())
                .toList();

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(
                        json.readTree(line).has("@timestamp"))
                .as(line)
                .isTrue());
    }

    @Test
    void refusesATokenOfTheSameIdentityProviderForAnotherAudience() {
        assertThat(command.post("/api/markers", token(KIEN_GIANG, "account"), "{}")
                        .status())
                .isEqualTo(401);
        assertThat(query.get("/api/markers", token(AUDITOR, "account")).status())
                .isEqualTo(401);
    }

    @Test
    void servesPrometheusOnTheManagementPortOnly() {
        LedgerHttp management = new LedgerHttp("http://localhost:" + commandManagementPort);
        assertThat(management.get("/actuator/prometheus", null).body()).contains("ledger_publisher_lag_events");
        assertThat(command.get("/actuator/prometheus", token(AUDITOR, audience()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCommandServicesRoleAppendsEventsButNeverChangesOrDeletesOne() throws SQLException {
        String url = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + NAMES.get("ledger_command");
        try (Connection connection = DriverManager.getConnection(
                        url,
                        NAMES.get("ledger_command_app"),
                        environment("command-service").get("LEDGER_COMMAND_DB_PASSWORD"));
                Statement statement = connection.createStatement()) {
            assertThat(statement
                            .executeQuery("SELECT count(*) FROM domain_event_entry")
                            .next())
                    .isTrue();
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE domain_event_entry SET payload_revision = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM domain_event_entry"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE domain_event_entry"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theQueryServicesRoleCannotReachTheEventStore() {
        String url = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + NAMES.get("ledger_command");
        assertThatThrownBy(() -> DriverManager.getConnection(
                                url,
                                NAMES.get("ledger_query_app"),
                                environment("query-service").get("LEDGER_QUERY_DB_PASSWORD"))
                        .close())
                .hasMessageContaining("permission denied");
    }

    @Test
    void aServiceThatLacksTheIdentityProviderRefusesToStart() throws Exception {
        Map<String, String> withoutKeys = new HashMap<>(environment("command-service"));
        withoutKeys.remove("LEDGER_JWK_SET_URI");
        withoutKeys.put("LEDGER_COMMAND_PORT", String.valueOf(freePort()));
        withoutKeys.put("LEDGER_MANAGEMENT_PORT", String.valueOf(freePort()));
        Process process = launch("command-service", withoutKeys);
        try {
            assertThat(process.waitFor(START.toSeconds(), TimeUnit.SECONDS))
                    .as("exits on its own")
                    .isTrue();
            assertThat(process.exitValue()).isNotZero();
        } finally {
            process.destroyForcibly();
        }
    }

    // ---- the compose environment -------------------------------------------------------------------------------

    private static final LedgerPrincipal KIEN_GIANG =
            new LedgerPrincipal("kg-border-post", "KG-BORDER-GUARD", Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT));
    private static final LedgerPrincipal AUDITOR =
            new LedgerPrincipal("auditor", "JOINT-AUDIT", Side.VN, "VN-47", Set.of(LedgerPrincipal.AUDITOR));

    /** A service's environment as compose gives it, with the compose hosts and names mapped to this machine's. */
    static Map<String, String> environment(String service) {
        @SuppressWarnings("unchecked")
        Map<String, Object> declared =
                (Map<String, Object>) compose.get(service).get("environment");
        Map<String, String> environment = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            String interpolated = interpolate(String.valueOf(value));
            if (!interpolated.isEmpty()) {
                environment.put(name, volumes(service, mapped(interpolated)));
            }
        });
        return environment;
    }

    private static String mapped(String value) {
        Matcher jdbc = JDBC.matcher(value);
        if (jdbc.matches()) {
            return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/"
                    + NAMES.getOrDefault(jdbc.group(1), jdbc.group(1));
        }
        if (NAMES.containsKey(value)) {
            return NAMES.get(value);
        }
        return value.replace("kafka:29092", TestInfrastructure.get().kafkaBootstrap())
                .replace(
                        "http://keycloak:8080",
                        "http://127.0.0.1:" + identityProvider.getAddress().getPort());
    }

    /**
     * Compose's interpolation with only the operator's {@code .env} ({@link #OPERATOR_ENV}) set: {@code ${NAME}},
     * {@code ${NAME:-default}}, and {@code ${NAME:?message}}, which must be in that file.
     */
    private static String interpolate(String value) {
        return INTERPOLATION.matcher(value).replaceAll(match -> {
            String given = OPERATOR_ENV.get(match.group(1));
            if (given != null) {
                return Matcher.quoteReplacement(given);
            }
            assertThat(String.valueOf(match.group(2)))
                    .as("compose requires %s, which this test's .env does not give", match.group(1))
                    .doesNotContain("?");
            return Matcher.quoteReplacement(match.group(3) == null ? "" : match.group(3));
        });
    }

    /**
     * Compose's named volumes of a service, each mapped to a directory of this run: the container path in a variable
     * becomes that directory.
     */
    private static String volumes(String service, String value) {
        Object mounts = compose.get(service).get("volumes");
        if (mounts instanceof List<?> list) {
            for (Object mount : list) {
                String[] parts = String.valueOf(mount).split(":");
                if (parts.length >= 2 && !parts[0].startsWith(".") && value.startsWith(parts[1])) {
                    Path directory = VOLUMES.resolve(parts[0]);
                    try {
                        Files.createDirectories(directory);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return directory + value.substring(parts[1].length());
                }
            }
        }
        return value;
    }

    private static String audience() {
        return environment("command-service").get("LEDGER_JWT_AUDIENCE");
    }

    private static String token(LedgerPrincipal principal, String audience) {
        JWTClaimsSet claims = LedgerTokens.claims(principal, Instant.now(), Duration.ofMinutes(10))
                .issuer(environment("command-service").get("LEDGER_JWT_ISSUER"))
                .audience(audience)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs docker/postgres/10-ledger-roles.sh with the postgres service's environment, as its entrypoint would. */
    private static void createDatabasesWithTheInitScript() throws Exception {
        URI admin =
                URI.create(TestInfrastructure.get().database("compose-admin").substring("jdbc:".length()));
        pgHost = admin.getHost();
        pgPort = admin.getPort() < 0 ? 5432 : admin.getPort();
        Map<String, String> environment = environment("postgres");
        environment.put("PGHOST", pgHost);
        environment.put("PGPORT", String.valueOf(pgPort));
        environment.put("PGPASSWORD", TestInfrastructure.get().password());
        environment.put("POSTGRES_USER", TestInfrastructure.get().user());
        environment.put("POSTGRES_DB", "postgres");
        environment.put("LEDGER_OWNER_ROLE", NAMES.get("ledger_owner"));
        environment.put("LEDGER_COMMAND_DB", NAMES.get("ledger_command"));
        environment.put("LEDGER_COMMAND_ROLE", NAMES.get("ledger_command_app"));
        environment.put("LEDGER_QUERY_DB", NAMES.get("ledger_query"));
        environment.put("LEDGER_QUERY_ROLE", NAMES.get("ledger_query_app"));
        environment.put("KEYCLOAK_DB", NAMES.get("keycloak"));
        environment.put("KEYCLOAK_ROLE", NAMES.get("keycloak"));
        ProcessBuilder script = new ProcessBuilder(
                "bash", ROOT.resolve("docker/postgres/10-ledger-roles.sh").toString());
        script.environment().clear();
        script.environment().put("PATH", System.getenv("PATH"));
        script.environment().putAll(environment);
        script.redirectErrorStream(true);
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static void serveTheIdentityProvidersKeys() throws IOException, JOSEException {
        signingKey = new RSAKeyGenerator(2048).keyID("compose-test").generate();
        byte[] keys = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String path = URI.create(String.valueOf(
                        ((Map<?, ?>) compose.get("command-service").get("environment")).get("LEDGER_JWK_SET_URI")))
                .getPath();
        identityProvider.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        identityProvider.start();
    }

    private static Process start(String service, Map<String, String> ports) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>(environment(service));
        environment.putAll(ports);
        return launch(service, environment);
    }

    /** The service's executable jar, as the image runs it, over an otherwise empty environment. */
    private static Process launch(String service, Map<String, String> environment) throws IOException {
        Path jar;
        try (var jars = Files.list(ROOT.resolve(service).resolve("target"))) {
            jar = jars.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build " + service + " first: no executable jar"));
        }
        ProcessBuilder java = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString());
        java.environment().clear();
        java.environment().putAll(environment);
        java.environment().put("JAVA_TOOL_OPTIONS", dockerfileJavaToolOptions());
        File log = Files.createTempFile("compose-" + service + "-", ".log").toFile();
        logs.put(service, log.toPath());
        java.redirectErrorStream(true).redirectOutput(log);
        return java.start();
    }

    /** {@code JAVA_TOOL_OPTIONS} of the image (the Dockerfile's ENV). */
    private static String dockerfileJavaToolOptions() throws IOException {
        Matcher options = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
                .matcher(Files.readString(ROOT.resolve("Dockerfile")));
        assertThat(options.find()).as("the Dockerfile sets JAVA_TOOL_OPTIONS").isTrue();
        return options.group(1);
    }

    /** The readiness group on the management port, as the compose healthcheck asks it. */
    private static void awaitReady(Process process, String management, String service) throws InterruptedException {
        @SuppressWarnings("unchecked")
        List<String> healthcheck =
                (List<String>) ((Map<String, Object>) compose.get(service).get("healthcheck")).get("test");
        assertThat(String.join(" ", healthcheck)).contains("/actuator/health/readiness");
        LedgerHttp http = new LedgerHttp(management);
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(service + " exited while starting").isTrue();
            try {
                if (http.get("/actuator/health/readiness", null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + " not ready within " + START);
    }

    private static void admin(String sql) {
        String url = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres";
        try (Connection connection = DriverManager.getConnection(
                        url,
                        TestInfrastructure.get().user(),
                        TestInfrastructure.get().password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            System.err.println("Cleanup: " + sql + " failed: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            return (Map<String, Map<String, Object>>)
                    new Yaml().<Map<String, Object>>load(in).get("services");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && List.of(path.split(File.pathSeparator)).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
