package org.borderledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.borderledger.query.AdminTokens;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.query.ReadModelTables;
import org.borderledger.query.SampleHistory;
import org.borderledger.query.TopicWriter;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
import org.borderledger.query.rebuild.TopicLog;
import org.borderledger.query.rebuild.TopicSpan;
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
 * Replays on the shared topic and read models of every query-service IT: whatever a replay rebuilds must equal what
 * was there, so the other test classes find their read models as they left them.
 */
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QueryServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class ReplayIT {

    /** Positions of this class's events: its own range, unique on the shared topic. */
    private static final AtomicLong POSITIONS = new AtomicLong(2_000_000);

    private static final String FIGURES_2006 = "/api/statistics?from=2006-01-01&to=2006-12-31";
    private static final String ALL_FIGURES = "/api/statistics?from=1900-01-01&to=2100-12-31";

    @LocalServerPort
    int port;

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topicName;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessedOffsetRepository offsets;

    @Autowired
    TopicLog topicLog;

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
    void aReplayRebuildsTheSameReadModelsAndReportsItsProgress() throws Exception {
        long last = SampleHistory.write(topic, "IT-RPL", 2006);
        readAfter(last, FIGURES_2006);
        awaitEverythingOnTheTopicProjected();
        var tablesBefore = ReadModelTables.snapshot(jdbc);
        JsonNode figuresBefore = read(ALL_FIGURES).json();
        JsonNode figures2006 = read(FIGURES_2006).json();
        assertThat(figures2006.get("remainsRecovered").asLong()).isEqualTo(12);

        forgetTheLastJob();
        LedgerHttp.Response byAnAuditor = http.post("/api/admin/replays", Tokens.auditor(), "");
        assertThat(byAnAuditor.status())
                .as("an auditor reads replays, starts none")
                .isEqualTo(403);
        assertThat(byAnAuditor.contentType()).startsWith("application/problem+json");
        LedgerHttp.Response started = http.post("/api/admin/replays", AdminTokens.admin(), "");

        assertThat(started.status()).isEqualTo(202);
        String location = URI.create(started.header("Location")).getPath();
        assertThat(location)
                .isEqualTo("/api/admin/replays/" + started.json().get("id").asText());
        assertThat(started.json().get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.json().get("eventsTotal").asLong()).isGreaterThanOrEqualTo(11);

        JsonNode replay = awaitEnd(location);

        assertThat(replay.get("status").asText()).as(replay.toString()).isEqualTo("COMPLETED");
        assertThat(replay.get("eventsProcessed").asLong())
                .isEqualTo(replay.get("eventsTotal").asLong())
                .isEqualTo(started.json().get("eventsTotal").asLong());
        assertThat(replay.get("requestedBy").asText()).isEqualTo("admin-1");
        assertThat(replay.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(replay.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(replay.get("estimatedTimeLeft").asText()).isEqualTo("PT0S");
        assertThat(replay.get("resetAt").isNull()).isFalse();
        assertThat(replay.get("finishedAt").isNull()).isFalse();

        assertThat(ReadModelTables.snapshot(jdbc)).isEqualTo(tablesBefore);
        LedgerHttp.Response figuresAfter = read(ALL_FIGURES);
        assertThat(figuresAfter.json()).isEqualTo(figuresBefore);
        assertThat(figuresAfter.header("X-Ledger-Rebuilding")).isNull();
        assertThat(readAfter(last, FIGURES_2006).json()).isEqualTo(figures2006);
        assertThat(http.get("/api/admin/replays", Tokens.auditor()).json().findValuesAsText("id"))
                .contains(replay.get("id").asText());

        LedgerHttp.Response tooSoon = http.post("/api/admin/replays", AdminTokens.admin(), "");
        assertThat(tooSoon.status()).as("a second replay within the cooldown").isEqualTo(429);
        assertThat(tooSoon.json().get("type").asText())
                .isEqualTo("https://border-ledger.example/problems/read-models-cooling-down");
        assertThat(Long.parseLong(tooSoon.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(http.post("/api/admin/consistency-checks", AdminTokens.admin(), "")
                        .status())
                .as("nor a check")
                .isEqualTo(429);
        assertThat(ReadModelTables.snapshot(jdbc)).as("nothing started").isEqualTo(tablesBefore);
    }

    @Test
    void whileAReplayRunsReadsAreAnsweredMarkedAndNoSecondReplayStarts() throws Exception {
        long last = SampleHistory.write(topic, "IT-RPL-HELD", 2007);
        readAfter(last, "/api/repatriation-cases/" + SampleHistory.caseId("IT-RPL-HELD"));
        awaitEverythingOnTheTopicProjected();
        var tablesBefore = ReadModelTables.snapshot(jdbc);
        String location;
        try (Connection holding = dataSource.getConnection()) {
            holdRowOfTheCase(holding, SampleHistory.caseId("IT-RPL-HELD"));
            forgetTheLastJob();
            LedgerHttp.Response started = http.post("/api/admin/replays", AdminTokens.admin(), "");
            assertThat(started.status()).isEqualTo(202);
            location = URI.create(started.header("Location")).getPath();

            LedgerHttp.Response figures = read("/api/statistics?from=2007-01-01&to=2007-12-31");
            assertThat(figures.header("X-Ledger-Rebuilding")).isEqualTo("true");
            assertThat(figures.json().get("rebuilding").asBoolean()).isTrue();
            assertThat(figures.json().get("position").asLong()).isPositive();
            LedgerHttp.Response unknown = http.get("/api/markers/NONE", Tokens.kampot());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("X-Ledger-Rebuilding")).isEqualTo("true");
            assertThat(unknown.json().get("rebuilding").asBoolean()).isTrue();

            LedgerHttp.Response second = http.post("/api/admin/replays", AdminTokens.admin(), "");
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.json().get("type").asText())
                    .isEqualTo("https://border-ledger.example/problems/read-models-busy");
            assertThat(second.header("Link")).isEqualTo("<" + location + ">; rel=\"related\"");
            assertThat(http.post("/api/admin/consistency-checks", AdminTokens.admin(), "")
                            .status())
                    .as("no check compares tables a replay is rebuilding")
                    .isEqualTo(409);
            assertThat(http.get(location, Tokens.auditor()).json().get("status").asText())
                    .isEqualTo("RUNNING");
            holding.rollback();
        }

        assertThat(awaitEnd(location).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ReadModelTables.snapshot(jdbc)).isEqualTo(tablesBefore);
        LedgerHttp.Response after = read("/api/statistics?from=2007-01-01&to=2007-12-31");
        assertThat(after.header("X-Ledger-Rebuilding")).isNull();
        assertThat(after.json().has("rebuilding")).isFalse();
        assertThat(after.json().get("remainsRepatriated").asLong()).isEqualTo(10);
    }

    /** Each test starts outside the cooldown (5 minutes, the default) that an earlier test's replay began. */
    private void forgetTheLastJob() {
        jdbc.update("DELETE FROM read_model_lock WHERE lock_name = 'read-models-ended'");
    }

    /**
     * Locks the case's row from another transaction: the replay's reset, which deletes it, waits for this transaction,
     * so the replay stays running (the processor shut down, the read models untouched) until it ends.
     */
    private static void holdRowOfTheCase(Connection connection, String caseId) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT case_id FROM repatriation_case_view WHERE case_id = ? FOR UPDATE")) {
            lock.setString(1, caseId);
            lock.executeQuery().close();
        }
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

    private LedgerHttp.Response read(String path) {
        LedgerHttp.Response response = http.get(path, Tokens.kienGiang());
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    /** GETs {@code path} once the read models processed {@code position}, retrying on 503 as a client would. */
    private LedgerHttp.Response readAfter(long position, String path) throws InterruptedException {
        String uri = path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            LedgerHttp.Response response = http.get(uri, Tokens.kienGiang(), Map.of("Prefer", "wait=5"));
            if (response.status() != 503 || System.nanoTime() > deadline) {
                assertThat(response.status())
                        .as("GET %s: %s", uri, response.body())
                        .isEqualTo(200);
                return response;
            }
            Thread.sleep(200);
        }
    }

    /**
     * The partitions are projected side by side, so the last event's position being projected does not mean the
     * history's earlier events on other partitions are: the snapshot before a replay waits for every record on the topic.
     */
    private void awaitEverythingOnTheTopicProjected() throws InterruptedException {
        TopicSpan span = topicLog.span();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!span.coveredBy(offsets.read())) {
            assertThat(System.nanoTime()).as("projected up to %s", span).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
