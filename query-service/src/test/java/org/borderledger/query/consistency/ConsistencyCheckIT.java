package org.borderledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.RecordKeys;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.query.AdminTokens;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.query.SampleHistory;
import org.borderledger.query.TopicWriter;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Consistency checks on PostgreSQL, on the read models every query-service IT shares: whatever this class tampers with,
 * it puts back.
 */
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
            // the checks of this class follow each other at once
            "ledger.rebuild.cooldown=0s"
        })
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class ConsistencyCheckIT {

    /** Positions of this class's events: its own range, unique on the shared topic. */
    private static final AtomicLong POSITIONS = new AtomicLong(3_000_000);

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topicName;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;
    TopicWriter topic;

    @BeforeEach
    void connect() {
        http = new LedgerHttp("http://localhost:" + port);
        topic = new TopicWriter(bootstrapServers, topicName, POSITIONS.getAndAdd(1_000));
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void readModelsNobodyTouchedAreWhatTheHistoryMakesOfThemWhateverElseIsOnTheTopic() throws Exception {
        long last = SampleHistory.write(topic, "IT-CC", 2008);
        awaitProcessed(last);
        String indicator = "IT-CC-IND";
        LedgerCloudEvents forger = new LedgerCloudEvents(
                LedgerSerializer.create(),
                LedgerCloudEvents.SOURCE,
                RecordKeys.single("it1", "not-the-ledger's-key-not-the-ledger's-key".getBytes(StandardCharsets.UTF_8)));
        topic.sendRaw(forger.createKafkaMessage(
                new GenericDomainEventMessage<>(
                        "CooperationIndicator",
                        indicator,
                        2,
                        new IndicatorCorrected(indicator, 9_500_000, 1, "forged")),
                topicName,
                topic.takePosition()));
        awaitParked(indicator);

        assertThat(http.post("/api/admin/consistency-checks", Tokens.auditor(), "")
                        .status())
                .as("an auditor reads checks, starts none")
                .isEqualTo(403);
        LedgerHttp.Response started = http.post("/api/admin/consistency-checks", AdminTokens.admin(), "");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isEqualTo("RUNNING");
        JsonNode check = awaitEnd(URI.create(started.header("Location")).getPath());
        assertThat(check.get("status").asText()).as(check.toString()).isEqualTo("COMPLETED");
        assertThat(check.get("consistent").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("differences")).isEmpty();
        assertThat(check.get("differencesTotal").asLong()).isZero();
        assertThat(check.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(11);
        assertThat(check.get("eventsTotal").asLong()).isGreaterThanOrEqualTo(11);
        assertThat(check.get("rowsCompared").asLong()).isGreaterThanOrEqualTo(18);
        assertThat(JSON.convertValue(check.get("tablesCompared"), String[].class))
                .contains("repatriation_case_view", "marker_view", "agreement_view", "indicator_view")
                .contains("processed_position")
                .doesNotContain("token_entry", "flyway_schema_history", "consistency_check");
        assertThat(check.has("positionGaps")).isFalse();
        assertThat(check.get("comparedAt").size()).isPositive();
        assertThat(shadowSchemas()).as("the shadow schema is dropped").isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT amount FROM indicator_view WHERE indicator_id = ?", Long.class, indicator))
                .as("the forged correction changed nothing, live or rebuilt")
                .isEqualTo(9_500_000);
    }

    /** Waits until the read side has parked a record of {@code aggregateId}. */
    private void awaitParked(String aggregateId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (jdbc.queryForObject(
                        "SELECT COUNT(*) FROM dead_letter WHERE status = 'PARKED' AND sequence_id = ?",
                        Long.class,
                        aggregateId)
                == 0) {
            assertThat(System.nanoTime())
                    .as("a parked record of %s in time", aggregateId)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void aTamperedReadModelRowIsReportedWithItsKeyColumnAndBothValues() throws Exception {
        long last = SampleHistory.write(topic, "IT-CC-T", 2009);
        awaitProcessed(last);
        String repatriationCase = SampleHistory.caseId("IT-CC-T");
        long recovered = jdbc.queryForObject(
                "SELECT recovered_total FROM repatriation_case_view WHERE case_id = ?", Long.class, repatriationCase);
        jdbc.update("UPDATE repatriation_case_view SET recovered_total = 999 WHERE case_id = ?", repatriationCase);
        JsonNode check;
        try {
            LedgerHttp.Response started = http.post("/api/admin/consistency-checks", AdminTokens.admin(), "");
            assertThat(started.status()).isEqualTo(202);
            check = awaitEnd(URI.create(started.header("Location")).getPath());
        } finally {
            jdbc.update(
                    "UPDATE repatriation_case_view SET recovered_total = ? WHERE case_id = ?",
                    recovered,
                    repatriationCase);
        }

        assertThat(check.get("status").asText()).as(check.toString()).isEqualTo("COMPLETED");
        assertThat(check.get("consistent").asBoolean()).isFalse();
        assertThat(check.get("differencesTotal").asLong()).isEqualTo(1);
        assertThat(check.get("differences")).hasSize(1);
        JsonNode difference = check.get("differences").get(0);
        assertThat(difference.get("table").asText()).isEqualTo("repatriation_case_view");
        assertThat(JSON.convertValue(difference.get("key"), Map.class)).isEqualTo(Map.of("case_id", repatriationCase));
        assertThat(difference.get("column").asText()).isEqualTo("recovered_total");
        assertThat(difference.get("kind").asText()).isEqualTo("VALUE");
        assertThat(difference.get("live").asText()).isEqualTo("999");
        assertThat(difference.get("rebuilt").asText()).isEqualTo(Long.toString(recovered));
        assertThat(http.get("/api/admin/consistency-checks", Tokens.auditor())
                        .json()
                        .findValuesAsText("id"))
                .contains(check.get("id").asText());
    }

    private int shadowSchemas() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE 'shadow\\_%'", Integer.class);
    }

    private JsonNode awaitEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            LedgerHttp.Response status = http.get(location, Tokens.auditor());
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            if (!"RUNNING".equals(status.json().get("status").asText()) || System.nanoTime() > deadline) {
                return status.json();
            }
            Thread.sleep(200);
        }
    }

    private void awaitProcessed(long position) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            LedgerHttp.Response response = http.get(
                    "/api/statistics?from=2000-01-01&to=2000-01-01&minPosition=" + position,
                    Tokens.kienGiang(),
                    Map.of("Prefer", "wait=5"));
            if (response.status() != 503 || System.nanoTime() > deadline) {
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                return;
            }
            Thread.sleep(200);
        }
    }
}
