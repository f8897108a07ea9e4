package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The write API against the real event store: accepted facts are stored once, refused ones leave no trace. */
@CommandServiceIT
class WriteApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void answers201WithTheIdAndTheGlobalPositionOfTheStoredEvent() {
        String id = "AGR-IT-" + unique();
        LedgerHttp.Response response = http.post("/api/agreements", Tokens.kienGiang(), agreement(id));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("id").asText()).isEqualTo(id);
        long position = response.json().get("position").asLong();
        assertThat(jdbc.queryForObject(
                        "select aggregate_identifier from domain_event_entry where global_index = ?",
                        String.class,
                        position))
                .isEqualTo(id);
    }

    @Test
    void generatesAReadableIdWhenTheClientGivesNone() {
        LedgerHttp.Response response = http.post(
                "/api/repatriation-cases",
                Tokens.kienGiang(),
                "{\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("id").asText()).matches("REP-2014-[0-9A-F]{6}");
    }

    @Test
    void recordsWhoSubmittedFromTheTokenNeverFromTheBody() {
        String id = "IND-IT-" + unique();
        String body = "{\"id\":\"" + id + "\",\"indicator\":\"TRADE_TURNOVER_USD\",\"periodFrom\":\"2014-01-01\","
                + "\"periodTo\":\"2014-12-31\",\"value\":101000000,\"reportingProvince\":\"KH-7\","
                + "\"submitter\":\"someone-else\",\"unit\":\"FORGED\"}";

        LedgerHttp.Response response = http.post(
                "/api/indicators",
                Tokens.kienGiang(),
                body,
                Map.of("X-Request-Id", "req-42", "Idempotency-Key", "key-" + id));

        assertThat(response.status()).isEqualTo(201);
        Map<String, Object> stored = jdbc.queryForMap(
                "select convert_from(payload, 'UTF8')::jsonb ->> 'reportingProvince' as province,"
                        + " convert_from(meta_data, 'UTF8')::jsonb as meta from domain_event_entry"
                        + " where aggregate_identifier = ?",
                id);
        assertThat(stored.get("province")).isEqualTo("VN-47");
        assertThat(stored.get("meta").toString())
                .contains("\"submitter\": \"kg-border-guard-officer\"")
                .contains("\"unit\": \"KG-BORDER-GUARD\"")
                .contains("\"side\": \"VN\"")
                .contains("\"province\": \"VN-47\"")
                .contains("\"requestid\": \"req-42\"")
                .contains("\"idempotencykey\": \"key-" + id + "\"")
                .contains("\"correlationid\"");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndRecordsNothing() {
        String id = "REP-IT-" + unique();
        openCase(id);
        String recovery = recovery(12);
        Map<String, String> key = Map.of("Idempotency-Key", "recovery-" + id);

        LedgerHttp.Response first =
                http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.kienGiang(), recovery, key);
        long events = eventsOf(id);
        LedgerHttp.Response retry =
                http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.kienGiang(), recovery, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(eventsOf(id)).isEqualTo(events);
    }

    @Test
    void refusesTheSameIdempotencyKeyForADifferentRequest() {
        String id = "REP-IT-" + unique();
        openCase(id);
        Map<String, String> key = Map.of("Idempotency-Key", "recovery-" + id);
        http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.kienGiang(), recovery(12), key);
        long events = eventsOf(id);

        LedgerHttp.Response other =
                http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.kienGiang(), recovery(13), key);

        assertProblem(other, 422, "idempotency-key-reused");
        assertThat(eventsOf(id)).isEqualTo(events);
    }

    @Test
    void concurrentRetriesWithOneKeyRecordTheFactOnce() throws Exception {
        String id = "REP-IT-" + unique();
        openCase(id);
        Map<String, String> key = Map.of("Idempotency-Key", "burst-" + id);
        List<LedgerHttp.Response> answers = inParallel(
                8,
                () -> http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.kienGiang(), recovery(5), key));

        assertThat(answers).extracting(LedgerHttp.Response::status).containsOnly(201);
        assertThat(answers)
                .extracting(LedgerHttp.Response::body)
                .containsOnly(answers.get(0).body());
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void exactlyOneOfTwoConflictingWritesWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = "M-IT-" + unique();
            plannedAndReported(id);
            List<LedgerHttp.Response> answers = inParallel(
                    2,
                    () -> http.post(
                            "/api/markers/" + encoded(id) + "/confirmations",
                            Tokens.kampot(),
                            "{\"confirmedOn\":\"2014-08-15\"}"));

            assertThat(answers).extracting(LedgerHttp.Response::status).containsExactlyInAnyOrder(201, 409);
            assertThat(eventsOf(id)).isEqualTo(3);
        }
    }

    @Test
    void refusedRequestsRecordNothingAndSayWhyAsProblemJson() {
        String caseId = "REP-IT-" + unique();
        openCase(caseId);
        String markerId = "M-IT-" + unique();
        plannedAndReported(markerId);
        long before = allEvents();
        String tomorrow =
                LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();

        assertProblem(
                http.post("/api/repatriation-cases/" + caseId + "/recoveries", Tokens.kienGiang(), "{\"count\":"),
                400,
                "invalid-request");
        assertProblem(
                http.post("/api/repatriation-cases/" + caseId + "/recoveries", Tokens.kienGiang(), recovery(-3)),
                400,
                "invalid-request",
                "count");
        assertProblem(
                http.post(
                        "/api/repatriation-cases/" + caseId + "/recoveries",
                        Tokens.kienGiang(),
                        recovery(2).replace("2014-03-02", tomorrow)),
                400,
                "invalid-request",
                "recoveredOn");
        assertProblem(
                http.post(
                        "/api/markers",
                        Tokens.kienGiang(),
                        "{\"id\":\"X-" + unique() + "\",\"type\":\"ROUND\",\"plannedLat\":10.4,\"plannedLon\":104.4,"
                                + "\"responsibleSide\":\"VN\"}"),
                400,
                "invalid-request",
                "type");
        assertProblem(
                http.post("/api/markers", Tokens.kienGiang(), "{\"type\":\"SUB\"}"),
                400,
                "invalid-request",
                "id",
                "plannedLat",
                "responsibleSide");
        assertProblem(
                http.post(
                        "/api/repatriation-cases/" + caseId + "/repatriations",
                        Tokens.kienGiang(),
                        "{\"repatriatedOn\":\"2014-04-20\",\"count\":1}"),
                422,
                "repatriation-before-recovery",
                "repatriatedOn");
        assertProblem(
                http.post(
                        "/api/markers/" + encoded(markerId) + "/completion-reports",
                        Tokens.kienGiang(),
                        "{\"completedOn\":\"2014-08-11\",\"lat\":10.42,\"lon\":104.49}"),
                409,
                "completion-already-reported");
        assertProblem(
                http.post(
                        "/api/markers/" + encoded(markerId) + "/confirmations",
                        Tokens.kienGiang(),
                        "{\"confirmedOn\":\"2014-08-15\"}"),
                403,
                "confirmation-from-same-side");
        assertProblem(
                http.post("/api/repatriation-cases/NO-SUCH-CASE/recoveries", Tokens.kienGiang(), recovery(1)),
                404,
                "unknown-aggregate");
        assertProblem(
                http.post("/api/markers", Tokens.kienGiang(), "{\"id\":\"" + "x".repeat(1_100_000) + "\"}"),
                413,
                "request-too-large");
        assertProblem(
                http.post(
                        "/api/repatriation-cases",
                        Tokens.kienGiang(),
                        "{\"id\":\"" + caseId + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}"),
                409,
                "already-exists");

        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void acceptsMarkerIdsWithASlashWhenEncoded() {
        String id = "314/" + unique();
        plannedAndReported(id);

        LedgerHttp.Response confirmed = http.post(
                "/api/markers/" + encoded(id) + "/confirmations", Tokens.kampot(), "{\"confirmedOn\":\"2014-08-15\"}");

        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(confirmed.json().get("id").asText()).isEqualTo(id);
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    void aBatchRunsEveryItemWithItsOwnResultAndARetriedBatchDuplicatesNothing() {
        String caseId = "REP-IT-" + unique();
        String batch = "{\"commands\":["
                + "{\"type\":\"OpenRepatriationCase\",\"idempotencyKey\":\"b1-" + caseId + "\",\"body\":{\"id\":\""
                + caseId + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}},"
                + "{\"type\":\"RecordRemainsRecovery\",\"target\":\"" + caseId + "\",\"idempotencyKey\":\"b2-" + caseId
                + "\",\"body\":" + recovery(12) + "},"
                + "{\"type\":\"RecordRepatriation\",\"target\":\"" + caseId + "\",\"idempotencyKey\":\"b3-" + caseId
                + "\",\"body\":{\"repatriatedOn\":\"2014-04-20\",\"count\":13}},"
                + "{\"type\":\"Teleport\",\"target\":\"" + caseId + "\",\"body\":{}},"
                + "{\"type\":\"RecordRepatriation\",\"target\":\"" + caseId + "\",\"idempotencyKey\":\"b4-" + caseId
                + "\",\"body\":{\"repatriatedOn\":\"2014-04-20\",\"count\":12}}]}";

        LedgerHttp.Response first = http.post("/api/batches", Tokens.kienGiang(), batch);
        LedgerHttp.Response retry = http.post("/api/batches", Tokens.kienGiang(), batch);

        assertThat(first.status()).isEqualTo(207);
        JsonNode results = first.json().get("results");
        assertThat(results).extracting(result -> result.get("status").asInt()).containsExactly(201, 201, 422, 400, 201);
        assertThat(results.get(2).get("problem").get("type").asText()).endsWith("/more-repatriated-than-recovered");
        assertThat(results.get(3).get("problem").get("type").asText()).endsWith("/unknown-command-type");
        assertThat(results.get(4).get("position").asLong())
                .isGreaterThan(results.get(1).get("position").asLong());
        assertThat(retry.json().get("results"))
                .as("a retried batch: accepted items answer as before, the refused ones are refused again")
                .extracting(
                        result -> result.get("status").asInt() + " " + result.get("id") + " " + result.get("position"))
                .containsExactlyElementsOf(() -> java.util.stream.StreamSupport.stream(results.spliterator(), false)
                        .map(result ->
                                result.get("status").asInt() + " " + result.get("id") + " " + result.get("position"))
                        .iterator());
        assertThat(eventsOf(caseId)).isEqualTo(3);
    }

    @Test
    void documentsEveryWriteAndEveryBatchTypeInOpenApi() {
        LedgerHttp.Response api = http.get("/v3/api-docs", null);

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("paths").fieldNames())
                .toIterable()
                .contains(
                        "/api/agreements",
                        "/api/agreements/{id}/reviews",
                        "/api/agreements/{id}/amendments",
                        "/api/agreements/{id}/termination",
                        "/api/repatriation-cases",
                        "/api/repatriation-cases/{id}/recoveries",
                        "/api/repatriation-cases/{id}/repatriations",
                        "/api/markers",
                        "/api/markers/{id}/completion-reports",
                        "/api/markers/{id}/confirmations",
                        "/api/markers/{id}/damage-reports",
                        "/api/markers/{id}/repairs",
                        "/api/indicators",
                        "/api/indicators/{id}/corrections",
                        "/api/batches");
        assertThat(api.body()).contains("RecordRemainsRecovery", "ConfirmMarkerCompletion", "CorrectIndicator");
        assertThat(api.body()).contains("HA_TIEN-PREK_CHAK");
        assertThat(api.json().at("/components/securitySchemes/bearer/scheme").asText())
                .as("Swagger UI can send a bearer token")
                .isEqualTo("bearer");
    }

    @Test
    void aRefusalIsAnsweredInTheReadersLanguageWithTheSameTypeAndFields() {
        String id = "IT-" + unique();
        plannedAndReported(id);
        String path = "/api/markers/" + encoded(id) + "/confirmations";
        String body = "{\"confirmedOn\":\"2014-08-12\"}";

        Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
        for (String language : List.of("km", "vi-VN", "en", "xx", "*", ";;q=nonsense")) {
            LedgerHttp.Response refused =
                    http.post(path, Tokens.kienGiang(), body, Map.of("Accept-Language", language));
            assertProblem(refused, 403, "confirmation-from-same-side");
            answers.put(language, refused.json());
        }

        assertThat(answers.get("en").get("detail").asText())
                .isEqualTo("Marker " + id + " was built by VN; only the other side can confirm its completion");
        assertThat(answers.get("km").get("detail").asText()).contains(id).contains("វៀតណាម");
        assertThat(answers.get("vi-VN").get("detail").asText()).contains(id).contains("Việt Nam");
        assertThat(answers.get("km").get("title").asText())
                .isNotEqualTo(answers.get("vi-VN").get("title").asText())
                .isNotEqualTo(answers.get("en").get("title").asText());
        answers.values().forEach(answer -> assertThat(answer.get("fields"))
                .isEqualTo(answers.get("en").get("fields")));
        for (String unknown : List.of("xx", "*", ";;q=nonsense")) {
            assertThat(answers.get(unknown)).as(unknown).isEqualTo(answers.get("en"));
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedInKhmerBeforeItIsRead() {
        LedgerHttp.Response refused = http.post(
                "/api/markers",
                Tokens.kienGiang(),
                "{\"id\":\"" + "x".repeat(1_100_000) + "\"}",
                Map.of("Accept-Language", "km"));

        assertProblem(refused, 413, "request-too-large");
        assertThat(refused.json().get("title").asText()).isEqualTo("សំណើធំពេក");
        assertThat(refused.json().get("detail").asText())
                .startsWith("តួសំណើធំជាង ")
                .endsWith(" បៃ។");
    }

    @Test
    void textInDecomposedFormIsStoredAndHashedAsItsComposedForm() {
        String id = "REP-IT-" + unique();
        openCase(id);
        String composed = "Kiên Lương ស្រុកកំពង់ត្រាច";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        Map<String, String> key = Map.of("Idempotency-Key", "nfd-" + id);
        String path = "/api/repatriation-cases/" + id + "/recoveries";

        LedgerHttp.Response first =
                http.post(path, Tokens.kienGiang(), recovery(3).replace("Kampong Trach", decomposed), key);
        LedgerHttp.Response retry =
                http.post(path, Tokens.kienGiang(), recovery(3).replace("Kampong Trach", composed), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(jdbc.queryForObject(
                        "select convert_from(payload, 'UTF8')::jsonb -> 'site' ->> 'district' from domain_event_entry"
                                + " where aggregate_identifier = ? and payload_type like '%RemainsRecovered'",
                        String.class, id))
                .isEqualTo(composed);
    }

    private void assertProblem(LedgerHttp.Response response, int status, String type, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://border-ledger.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (fields.length > 0) {
            List<String> named = new ArrayList<>();
            problem.get("fields").forEach(field -> named.add(field.asText()));
            assertThat(named).contains(fields);
        }
    }

    private void openCase(String id) {
        LedgerHttp.Response opened = http.post(
                "/api/repatriation-cases",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    private void plannedAndReported(String id) {
        assertThat(http.post(
                                "/api/markers",
                                Tokens.kienGiang(),
                                "{\"id\":\"" + id + "\",\"type\":\"SUB\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                                        + "\"responsibleSide\":\"VN\"}")
                        .status())
                .isEqualTo(201);
        LedgerHttp.Response reported = http.post(
                "/api/markers/" + encoded(id) + "/completion-reports",
                Tokens.kienGiang(),
                "{\"completedOn\":\"2014-08-10\",\"lat\":10.4201,\"lon\":104.4902}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    }

    private static String recovery(int count) {
        return "{\"recoveredOn\":\"2014-03-02\",\"count\":" + count + ",\"site\":{\"province\":\"KH-7\","
                + "\"district\":\"Kampong Trach\",\"lat\":10.56,\"lon\":104.47}}";
    }

    private static String agreement(String id) {
        return "{\"id\":\"" + id + "\",\"title\":\"Cooperation plan 2014-2015\",\"parties\":[\"VN-47\",\"KH-7\"],"
                + "\"signedOn\":\"2014-05-26\",\"place\":\"Rạch Giá\",\"documentRef\":\"KH-HT/2014/05\","
                + "\"signatories\":[{\"name\":\"A\",\"title\":\"Vice-chairman\",\"province\":\"VN-47\"}],"
                + "\"domains\":[\"BORDER_SECURITY\",\"TRADE\"],\"validFrom\":\"2014-05-26\",\"validTo\":\"2015-12-31\"}";
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    private long allEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static List<LedgerHttp.Response> inParallel(int n, Callable<LedgerHttp.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LedgerHttp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<LedgerHttp.Response> responses = new ArrayList<>();
            for (Future<LedgerHttp.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String encoded(String id) {
        return id.replace("/", "%2F");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
