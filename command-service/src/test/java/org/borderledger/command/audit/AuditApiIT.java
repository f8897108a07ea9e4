package org.borderledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.command.Tokens;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Auditors read the recorded history itself: every event with its metadata, by any filter. */
@CommandServiceIT
class AuditApiIT {

    @LocalServerPort
    int port;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void showsEveryEventOfAnAggregateWithWhoRecordedItWhenAndItsHash() {
        String id = "314/" + unique();
        long planned = write(
                "/api/markers",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"type\":\"SUB\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                        + "\"responsibleSide\":\"VN\"}",
                Map.of("X-Request-Id", "req-plan-" + id, "Idempotency-Key", "plan-" + id));
        long reported = write(
                "/api/markers/" + encoded(id) + "/completion-reports",
                Tokens.kienGiang(),
                "{\"completedOn\":\"2014-08-10\",\"lat\":10.4201,\"lon\":104.4902}",
                Map.of("X-Correlation-Id", "corr-" + id));
        long confirmed = write(
                "/api/markers/" + encoded(id) + "/confirmations",
                Tokens.kampot(),
                "{\"confirmedOn\":\"2014-08-15\"}",
                Map.of());

        LedgerHttp.Response response = http.get("/api/audit/aggregates/" + encoded(id) + "/history", Tokens.auditor());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode history = response.json();
        assertThat(history.get("aggregateId").asText()).isEqualTo(id);
        assertThat(history.get("aggregateType").asText()).isEqualTo("BorderMarker");
        List<JsonNode> events = list(history.get("events"));
        assertThat(events).extracting(e -> e.get("position").asLong()).containsExactly(planned, reported, confirmed);
        assertThat(events).extracting(e -> e.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(events)
                .extracting(e -> e.get("eventType").asText())
                .containsExactly("MarkerPlanned", "MarkerCompletionReported", "MarkerCompleted");
        assertThat(events)
                .extracting(e -> e.get("businessDate").isNull()
                        ? null
                        : e.get("businessDate").asText())
                .containsExactly(null, "2014-08-10", "2014-08-15");
        assertThat(events)
                .extracting(e -> e.get("recordedAt").asText())
                .allMatch(at -> at.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertThat(events)
                .extracting(e -> e.get("payload").get("markerId").asText())
                .containsOnly(id);
        assertThat(events.get(2).get("payload").get("confirmingSide").asText()).isEqualTo("KH");

        JsonNode plannedBy = events.get(0).get("metadata");
        assertThat(plannedBy.get("submitter").asText()).isEqualTo("kg-border-guard-officer");
        assertThat(plannedBy.get("unit").asText()).isEqualTo("KG-BORDER-GUARD");
        assertThat(plannedBy.get("side").asText()).isEqualTo("VN");
        assertThat(plannedBy.get("province").asText()).isEqualTo("VN-47");
        assertThat(plannedBy.get("requestid").asText()).isEqualTo("req-plan-" + id);
        assertThat(plannedBy.get("idempotencykey").asText()).isEqualTo("plan-" + id);
        assertThat(plannedBy.get("correlationid").asText()).isNotBlank();
        assertThat(events.get(1).get("metadata").get("correlationid").asText()).isEqualTo("corr-" + id);
        assertThat(events.get(2).get("metadata").get("unit").asText()).isEqualTo("KP-BORDER-LIAISON");

        assertThat(events).extracting(e -> e.get("hash").asText()).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        assertThat(events.get(0).get("metadata").get("previoushash").asText()).isEmpty();
        assertThat(events.get(1).get("metadata").get("previoushash").asText())
                .isEqualTo(events.get(0).get("hash").asText());
        assertThat(events.get(2).get("metadata").get("previoushash").asText())
                .isEqualTo(events.get(1).get("hash").asText());
    }

    @Test
    void answers404ForAnAggregateWithNothingRecorded() {
        for (String path : List.of("/history")) {
            LedgerHttp.Response response =
                    http.get("/api/audit/aggregates/NO-SUCH-" + unique() + path, Tokens.auditor());

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).endsWith("/unknown-aggregate");
        }
    }

    @Test
    void listsEventsInGlobalOrderByAggregateTypeAndUnitAndPagesWithACursor() {
        String id = "REP-AUD-" + unique();
        openCase(id);
        List<Long> positions = new ArrayList<>();
        positions.add(lastPosition(id));
        positions.add(recover(id, Tokens.kienGiang(), 12));
        positions.add(recover(id, Tokens.kampot(), 5));
        positions.add(recover(id, Tokens.kienGiang(), 7));

        assertThat(positionsOf(events("aggregateId=" + id))).containsExactlyElementsOf(positions);
        assertThat(positionsOf(events("aggregateId=" + id + "&type=RemainsRecovered")))
                .containsExactlyElementsOf(positions.subList(1, 4));
        assertThat(positionsOf(events("aggregateId=" + id + "&unit=KP-BORDER-LIAISON")))
                .containsExactly(positions.get(2));
        assertThat(positionsOf(events("unit=KP-BORDER-LIAISON&afterPosition=" + (positions.get(2) - 1) + "&limit=1")))
                .containsExactly(positions.get(2));

        List<Long> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = events("aggregateId=" + id + "&limit=3" + (next == null ? "" : "&afterPosition=" + next));
            paged.addAll(positionsOf(page));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null);
        assertThat(paged).containsExactlyElementsOf(positions);
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void filtersByTheTimeEventsWereRecorded() throws InterruptedException {
        String id = "REP-AUD-" + unique();
        openCase(id);
        Thread.sleep(5);
        recover(id, Tokens.kienGiang(), 1);
        Thread.sleep(5);
        recover(id, Tokens.kienGiang(), 2);
        List<JsonNode> all = list(events("aggregateId=" + id).get("events"));
        String second = all.get(1).get("recordedAt").asText();
        String third = all.get(2).get("recordedAt").asText();

        assertThat(positionsOf(events("aggregateId=" + id + "&from=" + second + "&to=" + third)))
                .containsExactly(all.get(1).get("position").asLong());
        assertThat(positionsOf(events("aggregateId=" + id + "&from=" + second)))
                .containsExactly(
                        all.get(1).get("position").asLong(),
                        all.get(2).get("position").asLong());
    }

    @Test
    void refusesAPageOverTheLimitAndInstantsItCannotRead() {
        LedgerHttp.Response tooLarge = http.get("/api/audit/events?limit=1001", Tokens.auditor());
        LedgerHttp.Response notAnInstant = http.get("/api/audit/events?from=yesterday", Tokens.auditor());

        assertInvalid(tooLarge, "limit");
        assertInvalid(notAnInstant, "from");
    }

    @Test
    void documentsTheAuditApi() {
        JsonNode api = http.get("/v3/api-docs", null).json();

        assertThat(api.get("paths").fieldNames())
                .toIterable()
                .contains("/api/audit/events", "/api/audit/aggregates/{id}/history");
        assertThat(api.get("paths")
                        .get("/api/audit/events")
                        .get("get")
                        .get("summary")
                        .asText())
                .isNotBlank();
    }

    private static void assertInvalid(LedgerHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/invalid-request");
        assertThat(response.json().get("fields").get(0).asText()).isEqualTo(field);
    }

    private JsonNode events(String query) {
        LedgerHttp.Response response = http.get("/api/audit/events?" + query, Tokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private void openCase(String id) {
        write(
                "/api/repatriation-cases",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}",
                Map.of());
    }

    private long recover(String id, String token, int count) {
        return write(
                "/api/repatriation-cases/" + id + "/recoveries",
                token,
                "{\"recoveredOn\":\"2014-03-02\",\"count\":" + count
                        + ",\"site\":{\"province\":\"KH-7\",\"district\":\"Kampong Trach\"}}",
                Map.of());
    }

    private long lastPosition(String id) {
        List<JsonNode> events = list(events("aggregateId=" + id).get("events"));
        return events.get(events.size() - 1).get("position").asLong();
    }

    private long write(String path, String token, String body, Map<String, String> headers) {
        LedgerHttp.Response response = http.post(path, token, body, headers);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("position").asLong();
    }

    private static List<Long> positionsOf(JsonNode page) {
        return list(page.get("events")).stream()
                .map(event -> event.get("position").asLong())
                .toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
