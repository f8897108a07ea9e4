package org.borderledger.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.RecordKeys;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.query.AdminTokens;
import org.borderledger.query.QueryServiceApplication;
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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Records that must not be applied, put on the real topic the way anyone who reaches the broker can: each is parked
 * with its reason, every other aggregate keeps flowing, and the aggregate it belongs to resumes once an admin discards
 * or retries it.
 */
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QueryServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class DeadLetterIT {

    /** Set when the class below is initialised: a type name on the topic must never get that far. */
    static final AtomicBoolean TRIPWIRE_LOADED = new AtomicBoolean();

    static final class Tripwire {
        static {
            TRIPWIRE_LOADED.set(true);
        }
    }

    private static final AtomicLong POSITIONS = new AtomicLong(4_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final LocalDate DAY = LocalDate.of(2004, 3, 2);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    LedgerHttp http;

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topicName;

    TopicWriter topic;

    @BeforeEach
    void openTheTopic() {
        http = new LedgerHttp("http://localhost:" + port);
        topic = new TopicWriter(bootstrapServers, topicName, POSITIONS.getAndAdd(1_000));
    }

    @AfterEach
    void closeTheTopic() {
        topic.close();
    }

    @Test
    void malformedRecordsAreParkedWhileOtherAggregatesFlowAndTheirAggregateResumesAfterADiscard() throws Exception {
        String marker = "DL-M1";
        topic.send("BorderMarker", marker, 0, planned(marker));
        topic.sendRaw(TopicWriter.CODEC.signed(
                envelope("MarkerCompletionReported", marker, 1)
                        .withData(bytes("{not json"))
                        .build(),
                topicName,
                marker));
        long reported = topic.send(
                "BorderMarker",
                marker,
                1,
                new MarkerCompletionReported(marker, DAY, new GeoPoint(10.42, 104.49), Side.VN));
        topic.sendRaw(new ProducerRecord<>(topicName, "DL-JUNK", bytes("no headers at all")));
        topic.sendRaw(TopicWriter.CODEC.signed(
                envelope(Tripwire.class.getName(), "DL-M2", 0)
                        .withData(bytes("{}"))
                        .build(),
                topicName,
                "DL-M2"));
        long other = topic.send("BorderMarker", "DL-M3", 0, planned("DL-M3"));

        assertThat(readAfter(other, "/api/markers/DL-M3").get("status").asText())
                .isEqualTo("PLANNED");
        JsonNode badJson =
                awaitLetter(letter -> marker.equals(letter.get("sequence").asText())
                        && "MALFORMED".equals(letter.get("kind").asText()));
        JsonNode waiting =
                awaitLetter(letter -> marker.equals(letter.get("sequence").asText())
                        && "WAITING".equals(letter.get("kind").asText()));
        JsonNode unsigned =
                awaitLetter(letter -> "DL-JUNK".equals(letter.get("sequence").asText()));
        JsonNode unknownType =
                awaitLetter(letter -> "DL-M2".equals(letter.get("sequence").asText()));

        assertThat(badJson.get("payload").asText()).isEqualTo("{not json");
        assertThat(badJson.get("reason").asText()).contains("MarkerCompletionReported");
        assertThat(waiting.get("claimedSequence").asLong()).isEqualTo(1);
        assertThat(unsigned.get("kind").asText()).isEqualTo("UNSIGNED");
        assertThat(unsigned.get("payload").asText()).isEqualTo("no headers at all");
        assertThat(unknownType.get("kind").asText()).isEqualTo("UNKNOWN_TYPE");
        assertThat(TRIPWIRE_LOADED)
                .as("no class is loaded for a type name off the topic")
                .isFalse();
        assertThat(get("/api/markers/" + marker).get("status").asText())
                .as("the aggregate waits behind its parked record")
                .isEqualTo("PLANNED");

        LedgerHttp.Response discarded = discard(badJson.get("id").asLong(), "bad JSON written by a test");

        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(discarded.json().get("applied").asInt()).isEqualTo(1);
        assertThat(readAfter(reported, "/api/markers/" + marker).get("status").asText())
                .isEqualTo("REPORTED");
        JsonNode kept = http.get("/api/admin/dead-letters/" + badJson.get("id"), AdminTokens.admin())
                .json();
        assertThat(kept.get("status").asText()).isEqualTo("DISCARDED");
        assertThat(kept.get("discardReason").asText()).isEqualTo("bad JSON written by a test");
        assertThat(kept.get("discardedBy").asText()).isEqualTo(AdminTokens.ADMIN.subject());
        assertThat(http.get("/api/admin/dead-letters/" + waiting.get("id"), AdminTokens.admin())
                        .status())
                .as("the record that applied left the queue")
                .isEqualTo(404);
    }

    @Test
    void aRecordNestedDeeperThanTheLimitIsParkedUndecodedAndOthersFlow() throws Exception {
        String marker = "DL-DEEP";
        topic.sendRaw(TopicWriter.CODEC.signed(
                envelope("MarkerPlanned", marker, 0)
                        .withData(bytes("[".repeat(50_000) + "]".repeat(50_000)))
                        .build(),
                topicName,
                marker));
        long other = topic.send("BorderMarker", "DL-M6", 0, planned("DL-M6"));

        readAfter(other, "/api/markers/DL-M6");
        JsonNode deep =
                awaitLetter(letter -> marker.equals(letter.get("sequence").asText()));
        assertThat(deep.get("kind").asText()).isEqualTo("MALFORMED");
        assertThat(deep.get("reason").asText()).contains("deeper than 32").contains("not decoded");
        JsonNode retried = http.post("/api/admin/dead-letters/" + deep.get("id") + "/retry", AdminTokens.admin(), "")
                .json();
        assertThat(retried.get("applied").asInt()).isZero();
        JsonNode still = http.get("/api/admin/dead-letters/" + deep.get("id"), AdminTokens.admin())
                .json();
        assertThat(still.get("status").asText()).isEqualTo("PARKED");
        assertThat(still.get("reason").asText())
                .as("a retry does not decode it either")
                .contains("deeper than 32");
    }

    @Test
    void aForgedRecordIsParkedAndChangesNothing() throws Exception {
        String indicator = "DL-IND";
        long reportedAt = topic.send(
                "CooperationIndicator",
                indicator,
                0,
                new IndicatorReported(
                        indicator,
                        IndicatorKind.EXPORTS_USD,
                        LocalDate.of(2004, 1, 1),
                        LocalDate.of(2004, 12, 31),
                        1_000,
                        null,
                        "IT",
                        "VN-47"));
        assertThat(readAfter(reportedAt, "/api/indicators/" + indicator)
                        .get("value")
                        .asLong())
                .isEqualTo(1_000);
        LedgerCloudEvents forger = new LedgerCloudEvents(
                LedgerSerializer.create(),
                LedgerCloudEvents.SOURCE,
                RecordKeys.single("it1", "a-secret-the-publisher-never-had!!".getBytes(StandardCharsets.UTF_8)));
        long forgedPosition = topic.takePosition();
        topic.sendRaw(forger.createKafkaMessage(
                new GenericDomainEventMessage<>(
                        "CooperationIndicator",
                        indicator,
                        99,
                        new IndicatorCorrected(indicator, 1_000, 999_999_999, "forged"),
                        MetaData.with(EventMetadata.UNIT, "IT-UNIT")),
                topicName,
                forgedPosition));
        long other = topic.send("BorderMarker", "DL-M4", 0, planned("DL-M4"));

        readAfter(other, "/api/markers/DL-M4");
        JsonNode forged =
                awaitLetter(letter -> indicator.equals(letter.get("sequence").asText()));
        assertThat(forged.get("kind").asText()).isEqualTo("FORGED");
        assertThat(forged.get("claimedSequence").asLong()).isEqualTo(99);
        assertThat(get("/api/indicators/" + indicator).get("value").asLong()).isEqualTo(1_000);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_position WHERE position = :position")
                        .param("position", forgedPosition)
                        .query(Long.class)
                        .single())
                .as("a forged position is never marked processed")
                .isZero();

        long corrected = topic.send(
                "CooperationIndicator", indicator, 1, new IndicatorCorrected(indicator, 1_000, 1_500, "final"));
        awaitLetter(letter -> indicator.equals(letter.get("sequence").asText())
                && "WAITING".equals(letter.get("kind").asText()));
        discard(forged.get("id").asLong(), "forged: MAC under an unknown secret");

        assertThat(readAfter(corrected, "/api/indicators/" + indicator)
                        .get("value")
                        .asLong())
                .isEqualTo(1_500);
    }

    @Test
    void aRecordAProjectionCannotStoreIsParkedAndAppliesOnRetryOnceTheCauseIsFixed() throws Exception {
        String repatriationCase = "DL-REP";
        String province = "KH-" + "7".repeat(40);
        topic.send(
                "RepatriationCase",
                repatriationCase,
                0,
                new RepatriationCaseOpened(repatriationCase, "2003-2004", province, "K90", "VN-47"));
        long recovered = topic.send(
                "RepatriationCase",
                repatriationCase,
                1,
                new RemainsRecovered(repatriationCase, DAY, 3, new RecoverySite("KH-7", "Kampot", null, null)));
        long other = topic.send("BorderMarker", "DL-M5", 0, planned("DL-M5"));

        readAfter(other, "/api/markers/DL-M5");
        JsonNode failed = awaitLetter(
                letter -> repatriationCase.equals(letter.get("sequence").asText())
                        && "NOT_APPLIED".equals(letter.get("kind").asText()));
        assertThat(failed.get("reason").asText()).containsIgnoringCase("too long");
        awaitLetter(letter -> repatriationCase.equals(letter.get("sequence").asText())
                && "WAITING".equals(letter.get("kind").asText()));
        JsonNode stillFailing = http.post(
                        "/api/admin/dead-letters/" + failed.get("id") + "/retry", AdminTokens.admin(), "")
                .json();
        assertThat(stillFailing.get("applied").asInt()).isZero();
        assertThat(stillFailing.get("stillParked").asInt()).isEqualTo(2);

        jdbc.sql("ALTER TABLE repatriation_case_view ALTER COLUMN search_province TYPE VARCHAR(100)")
                .update();
        JsonNode retried = http.post("/api/admin/dead-letters/retry", AdminTokens.admin(), "")
                .json();

        assertThat(retried.get("applied").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode view = readAfter(recovered, "/api/repatriation-cases/" + repatriationCase);
        assertThat(view.get("recoveredTotal").asLong()).isEqualTo(3);
        assertThat(letters().stream().map(letter -> letter.get("sequence").asText()))
                .doesNotContain(repatriationCase);
        undoTheSchemaChange(repatriationCase);
    }

    /**
     * The test widened a column that its migration declares narrower: the case it let through is removed and the column
     * narrowed again, so that rebuilds by other tests (which run the migrations) meet the same schema as the live side.
     */
    private void undoTheSchemaChange(String repatriationCase) {
        jdbc.sql("DELETE FROM repatriation_case_line WHERE case_id = :id")
                .param("id", repatriationCase)
                .update();
        jdbc.sql("DELETE FROM repatriation_case_view WHERE case_id = :id")
                .param("id", repatriationCase)
                .update();
        jdbc.sql("DELETE FROM processed_position WHERE aggregate_id = :id")
                .param("id", repatriationCase)
                .update();
        jdbc.sql("ALTER TABLE repatriation_case_view ALTER COLUMN search_province TYPE VARCHAR(20)")
                .update();
    }

    @Test
    void onlyAnAdminSeesTheDeadLettersAndADiscardNeedsAReason() throws Exception {
        assertThat(http.get("/api/admin/dead-letters", Tokens.auditor()).status())
                .isEqualTo(403);

        topic.sendRaw(new ProducerRecord<>(topicName, "DL-JUNK-2", bytes("junk")));
        JsonNode junk =
                awaitLetter(letter -> "DL-JUNK-2".equals(letter.get("sequence").asText()));
        LedgerHttp.Response noReason = http.post(
                "/api/admin/dead-letters/" + junk.get("id") + "/discard", AdminTokens.admin(), "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/admin/dead-letters/0/retry", AdminTokens.admin(), "")
                        .status())
                .isEqualTo(404);

        long parked = letters().size();
        // the actuator is on its own port; health shows its details to an administrator
        LedgerHttp management = new LedgerHttp("http://localhost:" + managementPort);
        JsonNode health =
                management.get("/actuator/health", AdminTokens.admin()).json();
        assertThat(health.at("/components/deadLetters/details/parked").asLong()).isEqualTo(parked);
        LedgerHttp.Response metric = management.get("/actuator/metrics/ledger.deadletters", null);
        assertThat(metric.status()).as(metric.body()).isEqualTo(200);
        JsonNode gauge = metric.json();
        assertThat(gauge.at("/measurements/0/value").asDouble()).isEqualTo(parked);

        discard(junk.get("id").asLong(), "junk");
        assertThat(http.post(
                                "/api/admin/dead-letters/" + junk.get("id") + "/discard",
                                AdminTokens.admin(),
                                "{\"reason\":\"again\"}")
                        .status())
                .isEqualTo(409);
    }

    private static MarkerPlanned planned(String marker) {
        return new MarkerPlanned(marker, MarkerType.MAIN, new GeoPoint(10.4, 104.5), Side.VN);
    }

    private static CloudEventBuilder envelope(String type, String subject, long sequence) {
        return CloudEventBuilder.v1()
                .withId(java.util.UUID.randomUUID().toString())
                .withSource(LedgerCloudEvents.SOURCE)
                .withType(type)
                .withSubject(subject)
                .withExtension(LedgerCloudEvents.AGGREGATE_TYPE, "BorderMarker")
                .withExtension(LedgerCloudEvents.AGGREGATE_SEQUENCE, sequence)
                .withExtension(EventMetadata.POSITION, POSITIONS.incrementAndGet())
                .withDataContentType("application/json");
    }

    private LedgerHttp.Response discard(long id, String reason) throws Exception {
        return http.post(
                "/api/admin/dead-letters/" + id + "/discard",
                AdminTokens.admin(),
                JSON.writeValueAsString(java.util.Map.of("reason", reason)));
    }

    private List<JsonNode> letters() {
        LedgerHttp.Response page = http.get("/api/admin/dead-letters?size=500", AdminTokens.admin());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> letters = new java.util.ArrayList<>();
        page.json().get("items").forEach(letters::add);
        return letters;
    }

    /** Polls the admin API until a parked record matches. */
    private JsonNode awaitLetter(Predicate<JsonNode> matches) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (JsonNode letter : letters()) {
                if (matches.test(letter)) {
                    return letter;
                }
            }
            assertThat(System.nanoTime()).as("a parked record in time").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private JsonNode get(String path) {
        LedgerHttp.Response response = http.get(path, Tokens.auditor());
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.json();
    }

    /** GETs {@code path} once the read model has processed {@code position}, retrying on 503 as a client would. */
    private JsonNode readAfter(long position, String path) throws Exception {
        String uri = path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            LedgerHttp.Response response = http.get(uri, Tokens.auditor());
            if (response.status() != 503 || System.nanoTime() > deadline) {
                assertThat(response.status())
                        .as("GET %s: %s", uri, response.body())
                        .isEqualTo(200);
                return response.json();
            }
            Thread.sleep(250);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
