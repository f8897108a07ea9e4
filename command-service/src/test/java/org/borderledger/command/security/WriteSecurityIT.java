package org.borderledger.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Nobody writes without a valid token, only units write, and a unit writes only what it is entitled to. */
@CommandServiceIT
class WriteSecurityIT {

    static final LedgerPrincipal AN_GIANG_UNIT =
            new LedgerPrincipal("ag-officer", "AG-BORDER-GUARD", Side.VN, "VN-44", Set.of(LedgerPrincipal.UNIT));
    static final LedgerPrincipal ADMIN =
            new LedgerPrincipal("admin-1", "JOINT-COMMISSION", Side.KH, "KH-7", Set.of(LedgerPrincipal.ADMIN));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    /** Every write path of the API with a body that a unit would be allowed to send. */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("/api/agreements", "{\"title\":\"t\",\"parties\":[\"VN-47\",\"KH-7\"]}"),
                Arguments.of("/api/agreements/A/reviews", "{}"),
                Arguments.of("/api/agreements/A/amendments", "{}"),
                Arguments.of("/api/agreements/A/termination", "{}"),
                Arguments.of("/api/repatriation-cases", "{}"),
                Arguments.of("/api/repatriation-cases/R/recoveries", "{}"),
                Arguments.of("/api/repatriation-cases/R/repatriations", "{}"),
                Arguments.of("/api/markers", "{}"),
                Arguments.of("/api/markers/M/completion-reports", "{}"),
                Arguments.of("/api/markers/M/confirmations", "{}"),
                Arguments.of("/api/markers/M/damage-reports", "{}"),
                Arguments.of("/api/markers/M/repairs", "{}"),
                Arguments.of("/api/indicators", "{}"),
                Arguments.of("/api/indicators/I/corrections", "{}"),
                Arguments.of("/api/batches", "{\"commands\":[]}"));
    }

    @ParameterizedTest
    @MethodSource("writes")
    void refusesEveryWriteWithoutAToken(String path, String body) {
        assertProblem(http.post(path, null, body), 401);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void refusesEveryWriteFromAnAuditorOrAnAdmin(String path, String body) {
        assertProblem(http.post(path, Tokens.auditor(), body), 403);
        assertProblem(http.post(path, Tokens.of(ADMIN), body), 403);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void letsAUnitThroughToTheWrite(String path, String body) {
        int status = http.post(path, Tokens.kienGiang(), body).status();

        assertThat(status).isNotIn(401, 403);
    }

    @Test
    void refusesForgedExpiredAndIncompleteTokens() {
        Instant now = Instant.now();
        String path = "/api/repatriation-cases";
        String body = "{\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}";
        JWTClaimsSet valid = LedgerTokens.claims(Tokens.KIEN_GIANG_UNIT, now, Duration.ofHours(1))
                .build();
        long before = events();

        String otherKey = LedgerTokens.sign("another-secret-of-at-least-32-bytes-long!", valid);
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64(valid.toString()) + ".";
        String expired = LedgerTokens.sign(
                TestInfrastructure.JWT_SECRET,
                LedgerTokens.claims(Tokens.KIEN_GIANG_UNIT, now.minus(Duration.ofHours(3)), Duration.ofHours(1))
                        .build());
        String notYetValid = LedgerTokens.sign(
                TestInfrastructure.JWT_SECRET,
                LedgerTokens.claims(Tokens.KIEN_GIANG_UNIT, now, Duration.ofHours(3))
                        .notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))
                        .build());
        String noProvince = LedgerTokens.sign(
                TestInfrastructure.JWT_SECRET,
                LedgerTokens.claims(Tokens.KIEN_GIANG_UNIT, now, Duration.ofHours(1))
                        .claim("province", null)
                        .build());
        String provinceOfTheOtherSide = LedgerTokens.sign(
                TestInfrastructure.JWT_SECRET,
                LedgerTokens.claims(Tokens.KIEN_GIANG_UNIT, now, Duration.ofHours(1))
                        .claim("province", "KH-7")
                        .build());

        for (String token :
                new String[] {otherKey, unsigned, expired, notYetValid, noProvince, provinceOfTheOtherSide}) {
            assertProblem(http.post(path, token, body), 401);
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesTokensOutsideTheClaimLimitsOrTheRolePolicyAndRecordsNothing() {
        String body = "{\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}";
        LedgerPrincipal longUnit =
                new LedgerPrincipal("kg-officer", "U".repeat(300), Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT));
        LedgerPrincipal longSubject = new LedgerPrincipal(
                "s".repeat(FieldLimits.SUBJECT + 1), "KG-BORDER-GUARD", Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT));
        LedgerPrincipal unitAndAuditor = new LedgerPrincipal(
                "kg-officer",
                "KG-BORDER-GUARD",
                Side.VN,
                "VN-47",
                Set.of(LedgerPrincipal.UNIT, LedgerPrincipal.AUDITOR));
        LedgerPrincipal unitAndAdmin = new LedgerPrincipal(
                "kg-officer", "KG-BORDER-GUARD", Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT, LedgerPrincipal.ADMIN));
        long before = events();

        for (LedgerPrincipal principal : List.of(longUnit, longSubject, unitAndAuditor, unitAndAdmin)) {
            assertProblem(http.post("/api/repatriation-cases", Tokens.of(principal), body), 401, "unauthenticated");
            assertProblem(http.get("/api/audit/events", Tokens.of(principal)), 401, "unauthenticated");
        }
        assertThat(events()).isEqualTo(before);
        assertThat(http.get(
                                "/api/audit/events",
                                Tokens.of(new LedgerPrincipal(
                                        "auditor-admin",
                                        "JOINT-COMMISSION",
                                        Side.VN,
                                        "VN-47",
                                        Set.of(LedgerPrincipal.AUDITOR, LedgerPrincipal.ADMIN))))
                        .status())
                .as("auditors may also be admins")
                .isEqualTo(200);
    }

    @Test
    void healthAndTheApiDocumentArePublic() {
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void aUnitRecordsOnlyOnCasesOfItsProvinceOrOfTheProvinceSearched() {
        String id = "REP-SEC-" + UUID.randomUUID().toString().substring(0, 8);
        http.post(
                "/api/repatriation-cases",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");
        String recovery =
                "{\"recoveredOn\":\"2014-03-02\",\"count\":3,\"site\":{\"province\":\"KH-7\",\"district\":\"Kampot\"}}";

        assertThat(http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.kienGiang(), recovery)
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.kampot(), recovery)
                        .status())
                .isEqualTo(201);
        long before = events();
        assertProblem(
                http.post("/api/repatriation-cases/" + id + "/recoveries", Tokens.of(AN_GIANG_UNIT), recovery),
                403,
                "case-of-another-province");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aUnitSignsOnlyAgreementsItsProvinceIsPartyTo() {
        String agreement = "{\"title\":\"Plan\",\"parties\":[\"VN-47\",\"KH-7\"],\"signedOn\":\"2014-05-26\","
                + "\"signatories\":[],\"domains\":[\"TRADE\"],\"validFrom\":\"2014-05-26\",\"validTo\":\"2015-12-31\"}";
        long before = events();

        assertProblem(
                http.post("/api/agreements", Tokens.of(AN_GIANG_UNIT), agreement), 403, "not-a-party-to-agreement");
        assertThat(events()).isEqualTo(before);
        assertThat(http.post("/api/agreements", Tokens.kampot(), agreement).status())
                .isEqualTo(201);
    }

    @Test
    void aMarkerIsPlannedByItsBuilderAndItsLaterLifeRecordedByItsProvinces() {
        String id = "M-SEC-" + UUID.randomUUID().toString().substring(0, 8);
        String plan = "{\"id\":\"" + id + "\",\"type\":\"SUB\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                + "\"responsibleSide\":\"VN\"}";
        String damage = "{\"damagedOn\":\"2014-10-03\",\"description\":\"Base cracked\"}";
        String repair = "{\"repairedOn\":\"2014-11-20\",\"description\":\"Base recast\"}";
        long before = events();

        assertProblem(http.post("/api/markers", Tokens.kampot(), plan), 403, "plan-from-other-side");
        assertThat(events()).isEqualTo(before);
        assertThat(http.post("/api/markers", Tokens.kienGiang(), plan).status()).isEqualTo(201);
        assertThat(http.post(
                                "/api/markers/" + id + "/completion-reports",
                                Tokens.kienGiang(),
                                "{\"completedOn\":\"2014-08-10\",\"lat\":10.42,\"lon\":104.49}")
                        .status())
                .isEqualTo(201);
        assertThat(http.post(
                                "/api/markers/" + id + "/confirmations",
                                Tokens.kampot(),
                                "{\"confirmedOn\":\"2014-08-15\"}")
                        .status())
                .isEqualTo(201);
        long confirmed = events();

        assertProblem(
                http.post("/api/markers/" + id + "/damage-reports", Tokens.of(AN_GIANG_UNIT), damage),
                403,
                "marker-of-another-province");
        assertThat(events()).isEqualTo(confirmed);
        assertThat(http.post("/api/markers/" + id + "/damage-reports", Tokens.kampot(), damage)
                        .status())
                .as("the province that confirmed the marker reports its damage")
                .isEqualTo(201);
        long damaged = events();
        assertProblem(
                http.post("/api/markers/" + id + "/repairs", Tokens.kampot(), repair),
                403,
                "marker-of-another-province");
        assertThat(events()).isEqualTo(damaged);
        assertThat(http.post("/api/markers/" + id + "/repairs", Tokens.kienGiang(), repair)
                        .status())
                .as("the province that built the marker repairs it")
                .isEqualTo(201);
    }

    @Test
    void aUnitOpensCasesForItselfAndRecordsRecoveriesInTheProvinceSearched() {
        String id = "REP-SEC-" + UUID.randomUUID().toString().substring(0, 8);
        long before = events();

        assertProblem(
                http.post(
                        "/api/repatriation-cases",
                        Tokens.kienGiang(),
                        "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\","
                                + "\"searchingUnit\":\"KP-BORDER-LIAISON\"}"),
                403,
                "case-for-another-unit");
        assertThat(events()).isEqualTo(before);
        assertThat(http.post(
                                "/api/repatriation-cases",
                                Tokens.kienGiang(),
                                "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}")
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "select convert_from(payload, 'UTF8')::jsonb ->> 'searchingUnit' from domain_event_entry"
                                + " where aggregate_identifier = ?",
                        String.class,
                        id))
                .as("the searching unit defaults to the token's unit")
                .isEqualTo(Tokens.KIEN_GIANG_UNIT.unit());
        long opened = events();

        assertProblem(
                http.post(
                        "/api/repatriation-cases/" + id + "/recoveries",
                        Tokens.kienGiang(),
                        "{\"recoveredOn\":\"2014-03-02\",\"count\":3,\"site\":{\"province\":\"VN-47\"}}"),
                422,
                "recovery-outside-search-province");
        assertThat(events()).isEqualTo(opened);
    }

    @Test
    void onlyTheReportingProvinceCorrectsAnIndicator() {
        String id = "IND-SEC-" + UUID.randomUUID().toString().substring(0, 8);
        http.post(
                "/api/indicators",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"indicator\":\"VISITORS_VN_TO_KH\",\"periodFrom\":\"2022-01-01\","
                        + "\"periodTo\":\"2023-12-31\",\"value\":53000}");
        long before = events();

        assertProblem(
                http.post(
                        "/api/indicators/" + id + "/corrections",
                        Tokens.kampot(),
                        "{\"value\":54000,\"reason\":\"recount\"}"),
                403,
                "indicator-of-another-province");
        assertThat(events()).isEqualTo(before);
    }

    private void assertProblem(LedgerHttp.Response response, int status, String... type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (type.length > 0) {
            assertThat(response.json().get("type").asText()).endsWith("/" + type[0]);
        }
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
