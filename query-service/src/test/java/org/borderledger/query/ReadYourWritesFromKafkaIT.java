package org.borderledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

/**
 * The read side end to end: CloudEvents written onto the real topic the way the command side writes them (binary
 * mode, {@code position} from the event store's tracking token), consumed by the projections, read back over HTTP
 * with {@code minPosition}. Dates are in 2003 so that the statistics see only this test's events.
 */
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QueryServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class ReadYourWritesFromKafkaIT {

    private static final AtomicLong POSITIONS = new AtomicLong(1_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    /**
     * Requests without a token go as an auditor. The template is the context's, shared with other test classes, so a
     * request that brings its own token keeps it.
     */
    @BeforeEach
    void authenticateAsAnAuditor() {
        if (http.getRestTemplate().getInterceptors().isEmpty()) {
            http.getRestTemplate().getInterceptors().add((request, body, execution) -> {
                if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                    request.getHeaders().setBearerAuth(Tokens.auditor());
                }
                return execution.execute(request, body);
            });
        }
    }

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topic;

    final LedgerCloudEvents codec = TopicWriter.CODEC;

    @Test
    void projectsEventsFromTheTopicAndReadsWaitForTheirPositions() throws Exception {
        LocalDate day = LocalDate.of(2003, 3, 2);
        long recoveryPosition = POSITIONS.incrementAndGet();
        DomainEventMessage<?> recovery = stored(
                "RepatriationCase",
                "IT-REP-1",
                1,
                new RemainsRecovered(
                        "IT-REP-1", day, 12, new RecoverySite("KH-7", "Kampot", null, new GeoPoint(10.6, 104.2))));
        long markerConfirmed;
        long caseRepatriated;
        long indicatorCorrected;
        long agreementSigned;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(
                    producer,
                    record(
                            "BorderMarker",
                            "IT-314/1",
                            0,
                            new MarkerPlanned("IT-314/1", MarkerType.SUB, new GeoPoint(10.42, 104.49), Side.VN)));
            send(
                    producer,
                    record(
                            "BorderMarker",
                            "IT-314/1",
                            1,
                            new MarkerCompletionReported("IT-314/1", day, new GeoPoint(10.4201, 104.4902), Side.VN)));
            markerConfirmed = send(
                    producer,
                    record("BorderMarker", "IT-314/1", 2, new MarkerCompleted("IT-314/1", day.plusDays(5), Side.KH)));

            send(
                    producer,
                    record(
                            "RepatriationCase",
                            "IT-REP-1",
                            0,
                            new RepatriationCaseOpened("IT-REP-1", "2002-2003", "KH-7", "K90", "VN-47")));
            send(producer, codec.createKafkaMessage(recovery, topic, recoveryPosition));
            send(producer, codec.createKafkaMessage(recovery, topic, recoveryPosition));
            caseRepatriated = send(
                    producer,
                    record(
                            "RepatriationCase",
                            "IT-REP-1",
                            2,
                            new RemainsRepatriated("IT-REP-1", day.plusDays(30), 10, "HA_TIEN-PREK_CHAK", "K90")));

            send(
                    producer,
                    record(
                            "CooperationIndicator",
                            "IT-IND-1",
                            0,
                            new IndicatorReported(
                                    "IT-IND-1",
                                    IndicatorKind.TRADE_TURNOVER_USD,
                                    LocalDate.of(2003, 1, 1),
                                    LocalDate.of(2003, 12, 31),
                                    9_000_000,
                                    null,
                                    "IT",
                                    "VN-47")));
            indicatorCorrected = send(
                    producer,
                    record(
                            "CooperationIndicator",
                            "IT-IND-1",
                            1,
                            new IndicatorCorrected("IT-IND-1", 9_000_000, 9_500_000, "final")));

            agreementSigned = send(
                    producer,
                    record(
                            "CooperationAgreement",
                            "IT-AGR-1",
                            0,
                            new AgreementSigned(
                                    "IT-AGR-1",
                                    "IT plan",
                                    List.of("VN-47", "KH-7"),
                                    day,
                                    "Hà Tiên",
                                    List.of(),
                                    Set.of(CooperationDomain.TRADE),
                                    day,
                                    LocalDate.of(2004, 12, 31),
                                    null)));
        }

        ResponseEntity<String> marker = readAfter(markerConfirmed, "/api/markers/IT-314%2F1");
        assertThat(marker.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode markerView = JSON.readTree(marker.getBody());
        assertThat(markerView.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(markerView.get("confirmedOn").asText()).isEqualTo("2003-03-07");
        assertThat(markerView.get("surveyedLon").asDouble()).isEqualTo(104.4902);
        long headerPosition = Long.parseLong(marker.getHeaders().getFirst("X-Ledger-Position"));
        assertThat(headerPosition).isGreaterThanOrEqualTo(markerConfirmed);
        assertThat(markerView.get("position").asLong()).isEqualTo(headerPosition);

        JsonNode byId = JSON.readTree(
                readAfter(markerConfirmed, "/api/markers/by-id?id=IT-314/1").getBody());
        assertThat(byId.get("id").asText()).isEqualTo("IT-314/1");

        JsonNode repatriationCase = JSON.readTree(
                readAfter(caseRepatriated, "/api/repatriation-cases/IT-REP-1").getBody());
        assertThat(repatriationCase.get("recoveredTotal").asLong())
                .as("the recovery delivered twice counts once")
                .isEqualTo(12);
        assertThat(repatriationCase.get("remaining").asLong()).isEqualTo(2);
        assertThat(repatriationCase.get("lines")).hasSize(2);

        JsonNode indicator = JSON.readTree(
                readAfter(indicatorCorrected, "/api/indicators/IT-IND-1").getBody());
        assertThat(indicator.get("value").asLong()).isEqualTo(9_500_000);
        assertThat(indicator.at("/history/0/value").asLong()).isEqualTo(9_000_000);
        assertThat(indicator.at("/history/0/position").asLong()).isEqualTo(indicatorCorrected);

        JsonNode agreements = JSON.readTree(
                readAfter(agreementSigned, "/api/agreements?size=500").getBody());
        assertThat(agreements.get("items").findValuesAsText("id")).contains("IT-AGR-1");

        long newest =
                Math.max(Math.max(markerConfirmed, caseRepatriated), Math.max(indicatorCorrected, agreementSigned));
        JsonNode statistics = JSON.readTree(readAfter(newest, "/api/statistics?from=2003-01-01&to=2003-12-31")
                .getBody());
        assertThat(statistics.get("remainsRecovered").asLong()).isEqualTo(12);
        assertThat(statistics.get("remainsRepatriated").asLong()).isEqualTo(10);
        assertThat(statistics.get("markersCompleted").asLong()).isEqualTo(1);
        assertThat(statistics.get("tradeTurnoverUsd").asLong()).isEqualTo(9_500_000);
        assertThat(statistics.get("agreementsInForce").asLong()).isEqualTo(1);
        assertThat(statistics.get("position").asLong()).isGreaterThanOrEqualTo(newest);

        ResponseEntity<String> geoJson =
                readAfter(markerConfirmed, "/api/markers.geojson?type=SUB", "application/geo+json");
        assertThat(geoJson.getHeaders().getContentType()).isEqualTo(MediaType.valueOf("application/geo+json"));
        assertThat(JSON.readTree(geoJson.getBody())
                        .at("/features/0/geometry/coordinates/0")
                        .asDouble())
                .isEqualTo(104.4902);
    }

    @Test
    void aReadForAPositionThatNeverArrivesIsRefusedWithRetryAfter() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Prefer", "wait=1");
        long started = System.nanoTime();

        ResponseEntity<String> response = http.exchange(
                "/api/agreements?minPosition=" + Long.MAX_VALUE / 2,
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(response.getBody()).get("type").asText())
                .isEqualTo("https://border-ledger.example/problems/position-not-reached");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anUnknownMarkerIdWithAnEncodedSlashIsANotFoundProblem() {
        ResponseEntity<String> response =
                http.getForEntity(URI.create(http.getRootUri() + "/api/markers/NONE%2F1"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("No marker with id 'NONE/1'");
    }

    @Test
    void documentsTheQueryApi() {
        String apiDocs = http.getForObject("/v3/api-docs", String.class);

        assertThat(apiDocs)
                .contains("/api/agreements/{id}", "/api/repatriation-cases", "/api/markers.geojson")
                .contains("/api/markers/by-id", "/api/indicators", "/api/statistics", "minPosition")
                .doesNotContain(org.borderledger.query.position.ReadPosition.ATTRIBUTE);
    }

    /** GETs {@code path} with {@code minPosition}, retrying on 503 as a client honouring Retry-After would. */
    private ResponseEntity<String> readAfter(long position, String path) throws InterruptedException {
        return readAfter(position, path, MediaType.APPLICATION_JSON_VALUE);
    }

    private ResponseEntity<String> readAfter(long position, String path, String accept) throws InterruptedException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        URI uri = URI.create(http.getRootUri() + path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            ResponseEntity<String> response =
                    http.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), String.class);
            if (response.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE || System.nanoTime() > deadline) {
                assertThat(response.getStatusCode())
                        .as("GET %s: %s", uri, response.getBody())
                        .isEqualTo(HttpStatus.OK);
                return response;
            }
            Thread.sleep(500);
        }
    }

    /** The record the command side's publisher writes for a stored event, at the next global position. */
    private ProducerRecord<String, byte[]> record(String type, String id, long sequence, Object payload) {
        return codec.createKafkaMessage(stored(type, id, sequence, payload), topic, POSITIONS.incrementAndGet());
    }

    private static DomainEventMessage<?> stored(String type, String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(
                type, id, sequence, payload, MetaData.with(EventMetadata.UNIT, "IT-UNIT"));
    }

    /** Sends a record and answers the position it carries. */
    private static long send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
            throws Exception {
        producer.send(record).get();
        return Long.parseLong(new String(
                record.headers().lastHeader("ce_" + EventMetadata.POSITION).value(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
