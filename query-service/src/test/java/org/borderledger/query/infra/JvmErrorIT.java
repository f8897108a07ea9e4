package org.borderledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.faults.FailingProjection;
import org.borderledger.query.AdminTokens;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.query.TopicWriter;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A JVM error in a projection is the instance's failure, not the record's: nothing is parked, the instance reports
 * itself broken and projects nothing more, and after a restart it resumes at its committed offsets, so the record is
 * projected then. A record at which the instance stops again after every restart is parked, undecoded, after the
 * stated number of restarts, and the other records flow. (The processor's thread ends with the error, uncaught: the
 * waits here leave it to the JVM's handler instead of failing with it.)
 */
class JvmErrorIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void noErrorYet() {
        FailingProjection.error = null;
        FailingProjection.calls.set(0);
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void anOutOfMemoryErrorParksNothingStopsTheInstanceAndTheRecordIsProjectedAfterARestart() throws Exception {
        String service = "query-service-jvm-error";
        String topicName = "ledger.events.jvm-error";
        try (TopicWriter topic = new TopicWriter(TestInfrastructure.get().kafkaBootstrap(), topicName, 1)) {
            ConfigurableApplicationContext first = start(service, topicName, 3);
            JdbcClient db = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
            long before = topic.send("BorderMarker", "OK-1", 0, planned("OK-1"));
            assertThat(readAfter(first, before)).isEqualTo(200);
            Map<Integer, Long> offsetsBefore =
                    first.getBean(ProcessedOffsetRepository.class).read();

            FailingProjection.error = new OutOfMemoryError("injected by the test");
            long failing = topic.send("BorderMarker", "FAIL-1", 0, planned("FAIL-1"));

            await().dontCatchUncaughtExceptions()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> FailingProjection.calls.get() > 0
                            && processor(first).isError());
            assertThat(status(first, "/livez", false)).as("liveness").isEqualTo(503);
            JsonNode health = json(first, "/actuator/health", true);
            assertThat(health.at("/components/projectionHalts/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/projectionHalts/details/stopped").asText())
                    .contains("injected by the test");
            assertThat(parked(db)).as("records parked").isZero();
            assertThat(marker(db, "FAIL-1")).isZero();
            assertThat(db.sql("SELECT restarts FROM projection_halt WHERE topic = :topic")
                            .param("topic", topicName)
                            .query(Integer.class)
                            .list())
                    .containsExactly(1);
            Map<Integer, Long> offsetsAtTheHalt =
                    first.getBean(ProcessedOffsetRepository.class).read();
            assertThat(offsetsAtTheHalt)
                    .as("the failed batch committed nothing")
                    .isEqualTo(offsetsBefore);
            first.close();

            FailingProjection.error = null;
            ConfigurableApplicationContext second = start(service, topicName, 3);
            db = JdbcClient.create(second.getBean(javax.sql.DataSource.class));

            assertThat(readAfter(second, failing)).isEqualTo(200);
            assertThat(marker(db, "FAIL-1")).isEqualTo(1);
            assertThat(status(second, "/livez", false)).isEqualTo(200);
            assertThat(parked(db)).isZero();
            assertThat(db.sql("SELECT count(*) FROM projection_halt")
                            .query(Long.class)
                            .single())
                    .as("the count of stops went once the record applied")
                    .isZero();
        }
    }

    @Test
    void aRecordThatStopsTheInstanceAfterEveryRestartIsParkedUndecodedAfterTheStatedRestarts() throws Exception {
        String service = "query-service-restart-loop";
        String topicName = "ledger.events.restart-loop";
        FailingProjection.error = new StackOverflowError("injected by the test");
        try (TopicWriter topic = new TopicWriter(TestInfrastructure.get().kafkaBootstrap(), topicName, 1)) {
            for (int restart = 1; restart <= 2; restart++) {
                ConfigurableApplicationContext instance = start(service, topicName, 2);
                if (restart == 1) {
                    topic.send("BorderMarker", "FAIL-2", 0, planned("FAIL-2"));
                }
                int stop = restart;
                await().dontCatchUncaughtExceptions()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> FailingProjection.calls.get() >= stop
                                && processor(instance).isError());
                assertThat(status(instance, "/livez", false)).isEqualTo(503);
                instance.close();
            }
            int calls = FailingProjection.calls.get();

            ConfigurableApplicationContext third = start(service, topicName, 2);
            JdbcClient db = JdbcClient.create(third.getBean(javax.sql.DataSource.class));
            long other = topic.send("BorderMarker", "OK-2", 0, planned("OK-2"));

            assertThat(readAfter(third, other)).isEqualTo(200);
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> parked(db) == 1);
            Map<String, Object> letter = db.sql("SELECT kind, reason, sequence_id FROM dead_letter")
                    .query()
                    .singleRow();
            assertThat(letter.get("kind")).isEqualTo("REPEATED_HALT");
            assertThat(letter.get("sequence_id")).isEqualTo("FAIL-2");
            assertThat((String) letter.get("reason")).contains("2 times");
            assertThat(FailingProjection.calls.get())
                    .as("the parked record was not projected again")
                    .isEqualTo(calls);
            assertThat(marker(db, "OK-2")).isEqualTo(1);
            assertThat(status(third, "/livez", false)).isEqualTo(200);
            assertThat(db.sql("SELECT count(*) FROM projection_halt")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private ConfigurableApplicationContext start(String service, String topic, int restartsBeforeParking) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        QueryServiceApplication.class, FailingProjection.class)
                .initializers(new LedgerInfrastructureInitializer())
                .run(
                        "--spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
                        "--spring.application.name=" + service,
                        "--axon.kafka.default-topic=" + topic,
                        "--server.port=0",
                        "--management.server.port=0",
                        "--ledger.projections.fetch.restarts-before-parking=" + restartsBeforeParking);
        instances.add(context);
        return context;
    }

    private static TrackingEventProcessor processor(ConfigurableApplicationContext instance) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProcessedOffsetRepository.PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow();
    }

    private int readAfter(ConfigurableApplicationContext instance, long position) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base(instance, false) + "/api/markers?minPosition=" + position))
                .header("Authorization", "Bearer " + Tokens.auditor())
                .header("Prefer", "wait=60")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int status(ConfigurableApplicationContext instance, String path, boolean management) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base(instance, management) + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private JsonNode json(ConfigurableApplicationContext instance, String path, boolean management) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base(instance, management) + path))
                        .header("Authorization", "Bearer " + AdminTokens.admin())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String base(ConfigurableApplicationContext instance, boolean management) {
        String port = instance.getEnvironment().getProperty(management ? "local.management.port" : "local.server.port");
        return "http://localhost:" + port;
    }

    private static long parked(JdbcClient db) {
        return db.sql("SELECT count(*) FROM dead_letter").query(Long.class).single();
    }

    private static long marker(JdbcClient db, String id) {
        return db.sql("SELECT count(*) FROM marker_view WHERE marker_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private static MarkerPlanned planned(String marker) {
        return new MarkerPlanned(marker, MarkerType.MAIN, new GeoPoint(10.4, 104.5), Side.VN);
    }
}
