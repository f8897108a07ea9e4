package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.FieldLimits;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bounds at the edge: every string of every write, the request keys in headers, path ids, dates and indicator values
 * are refused with a 400 problem naming the field when they pass their limit, and nothing is recorded; no request a
 * client can send makes the service answer 5xx.
 */
@CommandServiceIT
class EdgeBoundsIT {

    static final ObjectMapper json = new ObjectMapper();

    /** Stands for the JSON escape of half a surrogate pair, which no Java string can carry to the wire. */
    static final String LONE_SURROGATE = "LONE-SURROGATE";

    /** A valid body for every write path; targeted paths name an id the bounds are checked before looking up. */
    static final Map<String, String> VALID = Map.ofEntries(
            Map.entry(
                    "/api/agreements",
                    "{\"title\":\"Plan\",\"parties\":[\"VN-47\",\"KH-7\"],\"signedOn\":\"2014-05-26\","
                            + "\"place\":\"Rạch Giá\",\"documentRef\":\"KH-HT/2014/05\","
                            + "\"signatories\":[{\"name\":\"A\",\"title\":\"Vice-chairman\",\"province\":\"VN-47\"}],"
                            + "\"domains\":[\"TRADE\"],\"validFrom\":\"2014-05-26\",\"validTo\":\"2015-12-31\"}"),
            Map.entry(
                    "/api/agreements/AGR-X/reviews",
                    "{\"reviewedOn\":\"2024-03-25\",\"periodFrom\":\"2022-01-01\",\"periodTo\":\"2023-12-31\","
                            + "\"summary\":\"s\"}"),
            Map.entry(
                    "/api/agreements/AGR-X/amendments",
                    "{\"amendedOn\":\"2015-01-01\",\"summary\":\"s\",\"documentRef\":\"d\",\"validTo\":\"2016-12-31\"}"),
            Map.entry("/api/agreements/AGR-X/termination", "{\"terminatedOn\":\"2015-01-01\",\"reason\":\"r\"}"),
            Map.entry(
                    "/api/repatriation-cases",
                    "{\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\",\"searchingUnit\":\"KG-BORDER-GUARD\"}"),
            Map.entry(
                    "/api/repatriation-cases/REP-X/recoveries",
                    "{\"recoveredOn\":\"2014-03-02\",\"count\":1,\"site\":{\"province\":\"KH-7\",\"district\":\"d\","
                            + "\"commune\":\"c\"}}"),
            Map.entry(
                    "/api/repatriation-cases/REP-X/repatriations",
                    "{\"repatriatedOn\":\"2014-04-20\",\"count\":1,\"borderGate\":\"HA_TIEN-PREK_CHAK\","
                            + "\"receivingUnit\":\"u\"}"),
            Map.entry(
                    "/api/markers",
                    "{\"id\":\"M-X\",\"type\":\"SUB\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                            + "\"responsibleSide\":\"VN\"}"),
            Map.entry(
                    "/api/markers/M-X/completion-reports",
                    "{\"completedOn\":\"2014-08-10\",\"lat\":10.42,\"lon\":104.49}"),
            Map.entry("/api/markers/M-X/confirmations", "{\"confirmedOn\":\"2014-08-15\"}"),
            Map.entry("/api/markers/M-X/damage-reports", "{\"damagedOn\":\"2014-10-03\",\"description\":\"d\"}"),
            Map.entry("/api/markers/M-X/repairs", "{\"repairedOn\":\"2014-11-20\",\"description\":\"d\"}"),
            Map.entry(
                    "/api/indicators",
                    "{\"indicator\":\"TRADE_TURNOVER_USD\",\"periodFrom\":\"2014-01-01\",\"periodTo\":\"2014-12-31\","
                            + "\"value\":1,\"borderGate\":\"g\",\"source\":\"s\"}"),
            Map.entry("/api/indicators/IND-X/corrections", "{\"value\":5,\"reason\":\"r\"}"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    /** Each free-text field of each write: path, JSON pointer of the field, its limit. */
    static Stream<Arguments> textFields() {
        return Stream.of(
                Arguments.of("/api/agreements", "/title", FieldLimits.TITLE),
                Arguments.of("/api/agreements", "/place", FieldLimits.NAME),
                Arguments.of("/api/agreements", "/documentRef", FieldLimits.NAME),
                Arguments.of("/api/agreements", "/signatories/0/name", FieldLimits.NAME),
                Arguments.of("/api/agreements", "/signatories/0/title", FieldLimits.NAME),
                Arguments.of("/api/agreements/AGR-X/reviews", "/summary", FieldLimits.TEXT),
                Arguments.of("/api/agreements/AGR-X/amendments", "/summary", FieldLimits.TEXT),
                Arguments.of("/api/agreements/AGR-X/amendments", "/documentRef", FieldLimits.NAME),
                Arguments.of("/api/agreements/AGR-X/termination", "/reason", FieldLimits.TEXT),
                Arguments.of("/api/repatriation-cases", "/searchingUnit", FieldLimits.UNIT),
                Arguments.of("/api/repatriation-cases/REP-X/recoveries", "/site/district", FieldLimits.NAME),
                Arguments.of("/api/repatriation-cases/REP-X/recoveries", "/site/commune", FieldLimits.NAME),
                Arguments.of("/api/repatriation-cases/REP-X/repatriations", "/borderGate", FieldLimits.BORDER_GATE),
                Arguments.of("/api/repatriation-cases/REP-X/repatriations", "/receivingUnit", FieldLimits.NAME),
                Arguments.of("/api/markers/M-X/damage-reports", "/description", FieldLimits.TEXT),
                Arguments.of("/api/markers/M-X/repairs", "/description", FieldLimits.TEXT),
                Arguments.of("/api/indicators", "/borderGate", FieldLimits.BORDER_GATE),
                Arguments.of("/api/indicators", "/source", FieldLimits.SOURCE),
                Arguments.of("/api/indicators/IND-X/corrections", "/reason", FieldLimits.TEXT));
    }

    /** Tomcat refuses a NUL in the path before any servlet sees it; its answer is problem+json all the same. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"GET /api/audit/aggregates/%00/history", "POST /api/markers/%00/confirmations"})
    void aPathTomcatRefusesIsAProblemToo(String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write((requestLine
                                    + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer).contains("\"type\":\"https://border-ledger.example/problems/bad-request\"");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("textFields")
    void refusesTextOverItsLimitOrWithCharactersNoStoreTakes(String path, String pointer, int limit) {
        long before = events();
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);

        for (String value :
                List.of("x".repeat(limit + 1), "nul\u0000byte", "bell\u0007", "half " + LONE_SURROGATE + " pair")) {
            LedgerHttp.Response refused = http.post(
                    path,
                    Tokens.kienGiang(),
                    with(VALID.get(path), pointer, value).replace(LONE_SURROGATE, "\\ud800"));
            assertInvalid(refused, field);
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesRequestKeysOverTheirLimit() {
        String path = "/api/repatriation-cases";
        String body = "{\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}";
        long before = events();

        for (String header : WriteLimits.REQUEST_KEYS) {
            LedgerHttp.Response refused =
                    http.post(path, Tokens.kienGiang(), body, Map.of(header, "k".repeat(FieldLimits.REQUEST_KEY + 1)));
            assertInvalid(refused, header);
        }
        LedgerHttp.Response batch = http.post(
                "/api/batches",
                Tokens.kienGiang(),
                "{\"commands\":[{\"type\":\"OpenRepatriationCase\",\"idempotencyKey\":\""
                        + "k".repeat(FieldLimits.REQUEST_KEY + 1) + "\",\"body\":" + body + "}]}");
        assertThat(batch.json().at("/results/0/status").asInt()).isEqualTo(400);
        assertThat(batch.json().at("/results/0/problem/fields/0").asText()).isEqualTo("idempotencyKey");
        assertThat(events()).isEqualTo(before);

        String longestKey = "k-" + UUID.randomUUID() + "-" + "k".repeat(FieldLimits.REQUEST_KEY - 39);
        assertThat(longestKey).hasSize(FieldLimits.REQUEST_KEY);
        LedgerHttp.Response accepted = http.post(
                path,
                Tokens.kienGiang(),
                body,
                Map.of(
                        SubmissionContext.IDEMPOTENCY_KEY, longestKey,
                        SubmissionContext.REQUEST_ID, longestKey,
                        SubmissionContext.CORRELATION_ID, longestKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void refusesPathIdsAndBatchTargetsThatAreNoIds() {
        long before = events();

        for (String id : List.of("A".repeat(FieldLimits.ID + 1), "a%20b", "-leading-dash", "x%3Ay", "%C3%A1")) {
            LedgerHttp.Response refused = http.post(
                    "/api/indicators/" + id + "/corrections",
                    Tokens.kienGiang(),
                    VALID.get("/api/indicators/IND-X/corrections"));
            assertThat(refused.status()).as(id).isEqualTo(400);
            assertInvalid(refused, "id");
        }
        LedgerHttp.Response batch = http.post(
                "/api/batches",
                Tokens.kienGiang(),
                "{\"commands\":[{\"type\":\"CorrectIndicator\",\"target\":\"" + "A".repeat(FieldLimits.ID + 1)
                        + "\",\"body\":{\"value\":5,\"reason\":\"r\"}},{\"type\":\"" + "T".repeat(1000)
                        + "\",\"body\":{}}]}");
        assertThat(batch.json().at("/results/0/status").asInt()).isEqualTo(400);
        assertThat(batch.json().at("/results/0/problem/fields/0").asText()).isEqualTo("target");
        assertThat(batch.json().at("/results/1/status").asInt()).isEqualTo(400);
        assertThat(batch.json().at("/results/1/problem/fields/0").asText()).isEqualTo("type");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesDatesOutsideTheLedgersRange() {
        String path = "/api/agreements";
        long before = events();

        assertInvalid(
                http.post(path, Tokens.kienGiang(), with(VALID.get(path), "/validFrom", "1899-12-31")), "validFrom");
        assertInvalid(
                http.post(path, Tokens.kienGiang(), with(VALID.get(path), "/validTo", "+10000-01-01")), "validTo");
        assertInvalid(
                http.post(
                        "/api/indicators",
                        Tokens.kienGiang(),
                        with(VALID.get("/api/indicators"), "/periodFrom", "-999999999-01-01")),
                "periodFrom");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesIndicatorValuesThatCannotBeReadExactlyEverywhere() {
        String path = "/api/indicators";
        long before = events();

        for (String value : List.of(
                Long.toString(FieldLimits.INDICATOR_VALUE + 1),
                Long.toString(Long.MAX_VALUE),
                "9223372036854775808",
                "1e400")) {
            assertInvalid(
                    http.post(path, Tokens.kienGiang(), VALID.get(path).replace("\"value\":1", "\"value\":" + value)),
                    "value");
            assertInvalid(
                    http.post(
                            "/api/indicators/IND-X/corrections",
                            Tokens.kienGiang(),
                            "{\"value\":" + value + ",\"reason\":\"r\"}"),
                    "value");
        }
        assertThat(events()).isEqualTo(before);

        LedgerHttp.Response largest = http.post(
                path,
                Tokens.kienGiang(),
                VALID.get(path).replace("\"value\":1", "\"value\":" + FieldLimits.INDICATOR_VALUE));
        assertThat(largest.status()).as(largest.body()).isEqualTo(201);
    }

    @Test
    void acceptsEveryTextFieldAtItsLimit() {
        String signed = VALID.get("/api/agreements");
        for (var field : List.of(
                Map.entry("/title", FieldLimits.TITLE),
                Map.entry("/place", FieldLimits.NAME),
                Map.entry("/documentRef", FieldLimits.NAME),
                Map.entry("/signatories/0/name", FieldLimits.NAME),
                Map.entry("/signatories/0/title", FieldLimits.NAME))) {
            signed = with(signed, field.getKey(), "ấ".repeat(field.getValue()));
        }
        LedgerHttp.Response accepted = http.post("/api/agreements", Tokens.kienGiang(), signed);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    /**
     * Limits count code points of the text in NFC: a name at its limit written with supplementary characters (two UTF-16
     * units each) or typed decomposed (three code points for one ấ) is accepted, one character more is not.
     */
    @Test
    void countsEveryLimitInCodePointsOfTheComposedText() {
        String signed = VALID.get("/api/agreements");
        String supplementary = "ខ" + "𝄞".repeat(FieldLimits.TITLE - 1);
        String decomposed = java.text.Normalizer.normalize("ấ".repeat(FieldLimits.NAME), java.text.Normalizer.Form.NFD);
        assertThat(supplementary.length()).isGreaterThan(FieldLimits.TITLE);
        assertThat(decomposed.codePointCount(0, decomposed.length())).isGreaterThan(FieldLimits.NAME);

        LedgerHttp.Response accepted = http.post(
                "/api/agreements",
                Tokens.kienGiang(),
                with(with(signed, "/title", supplementary), "/place", decomposed));
        LedgerHttp.Response over =
                http.post("/api/agreements", Tokens.kienGiang(), with(signed, "/title", supplementary + "𝄞"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertInvalid(over, "title");
    }

    /** Tomcat's own refusal follows Accept-Language like every other answer. */
    @Test
    void aPathTomcatRefusesIsExplainedInKhmer() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("POST /api/markers/%00/confirmations HTTP/1.1\r\nHost: localhost\r\nAccept-Language: km\r\n"
                                    + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"type\":\"https://border-ledger.example/problems/bad-request\"");
            assertThat(answer).contains("\"title\":\"សំណើមិនត្រឹមត្រូវ\"");
            assertThat(answer).contains("ម៉ាស៊ីនមេបានបដិសេធសំណើមុនពេលអាន");
        }
    }

    /** Random mutations of valid writes: wrong types, huge and odd values, missing and extra fields. */
    @Test
    void answersEveryMutatedWriteWithoutA5xx() throws Exception {
        Random random = new Random(20141212L);
        List<String> failures = new ArrayList<>();
        List<String> paths = new ArrayList<>(VALID.keySet());
        paths.sort(null);
        for (int round = 0; round < 300; round++) {
            String path = paths.get(random.nextInt(paths.size()));
            ObjectNode body = (ObjectNode) json.readTree(VALID.get(path));
            mutate(body, random);
            String target = random.nextInt(5) == 0 ? "/api/batches" : path;
            String sent = target.equals(path)
                    ? body.toString()
                    : "{\"commands\":[{\"type\":\"" + commandOf(path) + "\",\"target\":\"X-1\",\"body\":" + body
                            + "}]}";
            LedgerHttp.Response response = http.post(target, Tokens.kienGiang(), sent);
            if (response.status() >= 500 || response.body().contains("\"status\":5")) {
                failures.add(target + " " + sent + " -> " + response.status() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void mutate(ObjectNode body, Random random) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        JsonNode[] odd = {
            json.getNodeFactory().textNode("x".repeat(random.nextInt(5000))),
            json.getNodeFactory().textNode("\u0000"),
            json.getNodeFactory().numberNode(Long.MAX_VALUE),
            json.getNodeFactory().numberNode(-1),
            json.getNodeFactory().numberNode(1e308),
            json.getNodeFactory().booleanNode(true),
            json.getNodeFactory().nullNode(),
            json.getNodeFactory().arrayNode().add(1).add("two"),
            json.getNodeFactory().objectNode().put("nested", "x"),
            json.getNodeFactory().textNode("0001-01-01"),
            json.getNodeFactory().textNode("+999999999-12-31"),
            json.getNodeFactory().textNode("VN-4777"),
        };
        switch (random.nextInt(3)) {
            case 0 -> body.remove(name);
            case 1 -> body.set(name, odd[random.nextInt(odd.length)]);
            default -> body.set("extra" + random.nextInt(3), odd[random.nextInt(odd.length)]);
        }
    }

    private static String commandOf(String path) {
        return switch (path) {
            case "/api/agreements" -> "SignAgreement";
            case "/api/agreements/AGR-X/reviews" -> "RecordAgreementReview";
            case "/api/agreements/AGR-X/amendments" -> "AmendAgreement";
            case "/api/agreements/AGR-X/termination" -> "TerminateAgreement";
            case "/api/repatriation-cases" -> "OpenRepatriationCase";
            case "/api/repatriation-cases/REP-X/recoveries" -> "RecordRemainsRecovery";
            case "/api/repatriation-cases/REP-X/repatriations" -> "RecordRepatriation";
            case "/api/markers" -> "PlanMarker";
            case "/api/markers/M-X/completion-reports" -> "ReportMarkerCompletion";
            case "/api/markers/M-X/confirmations" -> "ConfirmMarkerCompletion";
            case "/api/markers/M-X/damage-reports" -> "ReportMarkerDamage";
            case "/api/markers/M-X/repairs" -> "RecordMarkerRepair";
            case "/api/indicators" -> "ReportIndicator";
            default -> "CorrectIndicator";
        };
    }

    private static String with(String body, String pointer, String value) {
        try {
            JsonNode root = json.readTree(body);
            int slash = pointer.lastIndexOf('/');
            ((ObjectNode) root.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertInvalid(LedgerHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/invalid-request");
        List<String> fields = new ArrayList<>();
        response.json().get("fields").forEach(named -> fields.add(named.asText()));
        assertThat(fields).anySatisfy(named -> assertThat(named).endsWith(field));
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
