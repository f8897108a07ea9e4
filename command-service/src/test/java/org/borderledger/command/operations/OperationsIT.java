package org.borderledger.command.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.borderledger.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an operator of the write side sees: metrics and health on the management port, and a write's trace on Kafka. */
@CommandServiceIT
class OperationsIT {

    static final LedgerPrincipal ADMIN =
            new LedgerPrincipal("ops-admin", "JOINT-COMMISSION", Side.VN, "VN-47", Set.of(LedgerPrincipal.ADMIN));

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("${axon.kafka.default-topic}")
    String topic;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;
    LedgerHttp management;

    @BeforeEach
    void clients() {
        http = new LedgerHttp("http://localhost:" + port);
        management = new LedgerHttp("http://localhost:" + managementPort);
    }

    @Test
    void scrapesTheStoreGaugesWithoutATokenAndSeesThemSettleAfterWrites() {
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LedgerHttp.Response written = http.post(
                    "/api/markers",
                    Tokens.kienGiang(),
                    marker("OPS-" + UUID.randomUUID()),
                    Map.of("Idempotency-Key", "ops-" + UUID.randomUUID()));
            assertThat(written.status()).as(written.body()).isEqualTo(201);
            positions.add(written.json().get("position").asLong());
        }
        long last = positions.get(positions.size() - 1);
        long keys = jdbc.queryForObject("SELECT count(*) FROM idempotency_key", Long.class);

        // the gauges count the keys after reading the head: a figure that counts these keys saw these writes
        String metrics =
                eventually(text -> value(text, "ledger_idempotency_keys", "").orElse(-1) >= keys
                        && value(text, "ledger_publisher_lag_events", "").orElse(-1) == 0
                        && value(text, "ledger_seal_lag_events", "").orElse(-1) == 0);

        assertThat(keys).isGreaterThanOrEqualTo(3);
        assertThat(value(metrics, "ledger_store_head", "").orElse(-1)).isGreaterThanOrEqualTo(last);
        assertThat(value(metrics, "ledger_publisher_lag_seconds", "")).hasValue(0);
        assertThat(sum(metrics, "http_server_requests_seconds_count", "status=\"201\"", "uri=\"/api/markers\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(metrics)
                .as("Axon's processor metrics, per processor")
                .containsPattern("eventProcessor_\\w+\\{[^}]*processorName=\"kafka-publisher\"");
    }

    @Test
    void servesNoActuatorEndpointOnTheServicePort() {
        assertThat(http.get("/actuator/prometheus", Tokens.auditor()).status()).isEqualTo(404);
        assertThat(http.get("/readyz", null).status()).isEqualTo(200);
        assertThat(http.get("/livez", null).status()).isEqualTo(200);
    }

    @Test
    void readinessCoversTheDatabaseAndKafkaAndShowsItsComponentsOnlyToAnAdmin() {
        LedgerHttp.Response anonymous = management.get("/actuator/health/readiness", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(management
                        .get("/actuator/health/readiness", Tokens.auditor())
                        .json()
                        .has("components"))
                .isFalse();

        LedgerHttp.Response admin = management.get("/actuator/health/readiness", Tokens.of(ADMIN));
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().has("components")).as(admin.body()).isTrue();
        assertThat(admin.json().get("components").fieldNames()).toIterable().contains("db", "kafka", "readinessState");
        LedgerHttp.Response liveness = management.get("/actuator/health/liveness", Tokens.of(ADMIN));
        assertThat(liveness.json().has("components")).as(liveness.body()).isTrue();
        assertThat(liveness.json().get("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void aWriteCarriesTheTraceOfItsRequestOntoTheKafkaRecord() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String markerId = "TRACE-" + UUID.randomUUID();

        LedgerHttp.Response written = http.post(
                "/api/markers",
                Tokens.kienGiang(),
                marker(markerId),
                Map.of("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
        assertThat(written.status()).as(written.body()).isEqualTo(201);

        List<ConsumerRecord<String, byte[]>> records = new TopicReader(
                        TestInfrastructure.get().kafkaBootstrap(), topic)
                .readKey(markerId, 1, Duration.ofSeconds(60));
        assertThat(records).isNotEmpty();
        assertThat(TopicReader.header(records.get(0), "ce_traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void aRequestsCorrelationIdIsEchoedAndOneIsMadeWhenAbsent() {
        LedgerHttp.Response given = http.post(
                "/api/markers",
                Tokens.kienGiang(),
                marker("CORR-" + UUID.randomUUID()),
                Map.of("X-Correlation-Id", "ops-correlation-1"));
        LedgerHttp.Response made = http.post("/api/markers", Tokens.kienGiang(), marker("CORR-" + UUID.randomUUID()));

        assertThat(given.header("X-Correlation-Id")).isEqualTo("ops-correlation-1");
        assertThat(made.header("X-Correlation-Id")).isNotBlank();
    }

    private String eventually(Predicate<String> settled) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String text;
        do {
            LedgerHttp.Response scraped = management.get("/actuator/prometheus", null);
            assertThat(scraped.status()).isEqualTo(200);
            text = scraped.body();
            if (settled.test(text)) {
                return text;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The gauges did not settle within 90 s:\n"
                + text.lines().filter(line -> line.startsWith("ledger_")).reduce("", (a, b) -> a + b + "\n"));
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    static OptionalDouble value(String prometheus, String name, String label) {
        Matcher sample =
                Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(prometheus);
        while (sample.find()) {
            if (sample.group(1) == null ? label.isEmpty() : sample.group(1).contains(label)) {
                return OptionalDouble.of(Double.parseDouble(sample.group(2)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    static double sum(String prometheus, String name, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(prometheus);
        double sum = 0;
        while (sample.find()) {
            String found = sample.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static String marker(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"MAIN\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                + "\"responsibleSide\":\"VN\"}";
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
