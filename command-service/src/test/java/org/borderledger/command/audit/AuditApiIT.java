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
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Auditors read the recorded history itself: every event with its metadata, any filter, any past state. */
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
        for (String path : List.of("/history", "/state")) {
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
        LedgerHttp.Response notAnAsOf = http.get("/api/audit/aggregates/X/state?asOf=yesterday", Tokens.auditor());

        assertInvalid(tooLarge, "limit");
        assertInvalid(notAnInstant, "from");
        assertInvalid(notAnAsOf, "asOf");
    }

    @Test
    void rebuildsACaseAsItWasWhenEachEventWasRecorded() throws InterruptedException {
        String id = "REP-AUD-" + unique();
        openCase(id);
        Thread.sleep(5);
        recover(id, Tokens.kienGiang(), 12);
        Thread.sleep(5);
        write(
                "/api/repatriation-cases/" + id + "/repatriations",
                Tokens.kienGiang(),
                "{\"repatriatedOn\":\"2014-04-20\",\"count\":10,\"borderGate\":\"HA_TIEN-PREK_CHAK\"}",
                Map.of());
        List<JsonNode> events = list(events("aggregateId=" + id).get("events"));
        String opened = events.get(0).get("recordedAt").asText();
        String recovered = events.get(1).get("recordedAt").asText();

        JsonNode atOpening = state(id, "?asOf=" + opened);
        JsonNode atRecovery = state(id, "?asOf=" + recovered);
        JsonNode now = state(id, "");

        assertThat(atOpening.get("aggregateType").asText()).isEqualTo("RepatriationCase");
        assertThat(atOpening.get("eventsApplied").asInt()).isEqualTo(1);
        assertThat(atOpening.get("state").get("season").asText()).isEqualTo("2013-2014");
        assertThat(list(atOpening.get("state").get("provinces")))
                .extracting(JsonNode::asText)
                .containsExactly("KH-7", "VN-47");
        assertThat(atRecovery.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(counts(atRecovery)).containsExactly(12, 0, 12);
        assertThat(counts(now)).containsExactly(12, 10, 2);
        LedgerHttp.Response before =
                http.get("/api/audit/aggregates/" + id + "/state?asOf=2014-01-01T00:00:00Z", Tokens.auditor());
        assertThat(before.status()).isEqualTo(404);
    }

    @Test
    void rebuildsMarkersAgreementsAndIndicators() throws InterruptedException {
        String marker = "315/" + unique();
        write(
                "/api/markers",
                Tokens.kienGiang(),
                "{\"id\":\"" + marker + "\",\"type\":\"MAIN\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                        + "\"responsibleSide\":\"VN\"}",
                Map.of());
        write(
                "/api/markers/" + encoded(marker) + "/completion-reports",
                Tokens.kienGiang(),
                "{\"completedOn\":\"2014-08-10\",\"lat\":10.4201,\"lon\":104.4902}",
                Map.of());
        String reportedAt = list(events("aggregateId=" + encoded(marker)).get("events"))
                .get(1)
                .get("recordedAt")
                .asText();
        Thread.sleep(5);
        write(
                "/api/markers/" + encoded(marker) + "/confirmations",
                Tokens.kampot(),
                "{\"confirmedOn\":\"2014-08-15\"}",
                Map.of());

        JsonNode reported = state(encoded(marker), "?asOf=" + reportedAt).get("state");
        JsonNode completed = state(encoded(marker), "").get("state");
        assertThat(reported.get("status").asText()).isEqualTo("REPORTED");
        assertThat(reported.get("completionReportedOn").asText()).isEqualTo("2014-08-10");
        assertThat(reported.get("completedOn").isNull()).isTrue();
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("completedOn").asText()).isEqualTo("2014-08-15");

        String agreement = "AGR-AUD-" + unique();
        write(
                "/api/agreements",
                Tokens.kienGiang(),
                "{\"id\":\"" + agreement + "\",\"title\":\"Plan\",\"parties\":[\"VN-47\",\"KH-7\"],"
                        + "\"signedOn\":\"2014-05-26\",\"signatories\":[],\"domains\":[\"TRADE\"],"
                        + "\"validFrom\":\"2014-05-26\",\"validTo\":\"2015-12-31\"}",
                Map.of());
        write(
                "/api/agreements/" + agreement + "/reviews",
                Tokens.kampot(),
                "{\"reviewedOn\":\"2015-03-25\",\"periodFrom\":\"2014-05-26\",\"periodTo\":\"2014-12-31\","
                        + "\"summary\":\"on track\"}",
                Map.of());
        write(
                "/api/agreements/" + agreement + "/amendments",
                Tokens.kienGiang(),
                "{\"amendedOn\":\"2015-06-01\",\"summary\":\"extended\",\"validTo\":\"2016-12-31\","
                        + "\"domains\":[\"TRADE\",\"TOURISM\"]}",
                Map.of());
        JsonNode signed = state(agreement, "").get("state");
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.get("validFrom").asText()).isEqualTo("2014-05-26");
        assertThat(signed.get("validTo").asText()).isEqualTo("2016-12-31");
        assertThat(list(signed.get("domains"))).extracting(JsonNode::asText).containsExactly("TRADE", "TOURISM");
        assertThat(signed.get("reviews").asInt()).isEqualTo(1);

        String indicator = "IND-AUD-" + unique();
        write(
                "/api/indicators",
                Tokens.kienGiang(),
                "{\"id\":\"" + indicator + "\",\"indicator\":\"TRADE_TURNOVER_USD\",\"periodFrom\":\"2014-01-01\","
                        + "\"periodTo\":\"2014-12-31\",\"value\":101000000}",
                Map.of());
        write(
                "/api/indicators/" + indicator + "/corrections",
                Tokens.kienGiang(),
                "{\"value\":102000000,\"reason\":\"customs figures\"}",
                Map.of());
        JsonNode corrected = state(indicator, "").get("state");
        assertThat(corrected.get("kind").asText()).isEqualTo("TRADE_TURNOVER_USD");
        assertThat(corrected.get("periodTo").asText()).isEqualTo("2014-12-31");
        assertThat(corrected.get("value").asLong()).isEqualTo(102_000_000L);
        assertThat(list(corrected.get("supersededValues")))
                .extracting(JsonNode::asLong)
                .containsExactly(101_000_000L);
    }

    @Test
    void documentsTheAuditApi() {
        JsonNode api = http.get("/v3/api-docs", null).json();

        assertThat(api.get("paths").fieldNames())
                .toIterable()
                .contains(
                        "/api/audit/events",
                        "/api/audit/aggregates/{id}/history",
                        "/api/audit/aggregates/{id}/state",
                        "/api/audit/verify");
        assertThat(api.get("paths")
                        .get("/api/audit/verify")
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

    private JsonNode state(String id, String query) {
        LedgerHttp.Response response = http.get("/api/audit/aggregates/" + id + "/state" + query, Tokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<Integer> counts(JsonNode state) {
        JsonNode counts = state.get("state");
        return List.of(
                counts.get("recovered").asInt(),
                counts.get("repatriated").asInt(),
                counts.get("remaining").asInt());
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
