package org.borderledger.command.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jurisdictions over time through the write API, against the real event store: the new An Giang's units record with
 * Kampot, Kiên Giang's tokens are refused for facts after its end, successors record old facts marked as theirs, bad
 * provinces are refused naming the field, and a change of the reference data takes an admin of each side.
 */
@CommandServiceIT
class JurisdictionsIT {

    static final LedgerPrincipal AN_GIANG_UNIT = new LedgerPrincipal(
            "ag-border-guard-officer", "AG-BORDER-GUARD", Side.VN, Provinces.AN_GIANG, Set.of(LedgerPrincipal.UNIT));
    static final LedgerPrincipal VN_ADMIN = new LedgerPrincipal(
            "ag-admin", "LEDGER-OPERATIONS-VN", Side.VN, Provinces.AN_GIANG, Set.of(LedgerPrincipal.ADMIN));
    static final LedgerPrincipal KH_ADMIN = new LedgerPrincipal(
            "kp-admin", "LEDGER-OPERATIONS-KH", Side.KH, Provinces.KAMPOT, Set.of(LedgerPrincipal.ADMIN));
    static final LedgerPrincipal TAKEO_ADMIN = new LedgerPrincipal(
            "tk-admin", "LEDGER-OPERATIONS-TK", Side.KH, Provinces.TAKEO, Set.of(LedgerPrincipal.ADMIN));

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
    void anyAuthenticatedClientReadsTheEffectiveReferenceData() {
        LedgerHttp.Response response = http.get("/api/jurisdictions", Tokens.auditor());

        assertThat(response.status()).isEqualTo(200);
        JsonNode provinces = response.json().get("provinces");
        assertThat(provinces.findValuesAsText("code")).contains("VN-47", "VN-44", "VN-AG2025", "KH-7", "KH-21", "KH-8");
        assertThat(response.json().get("version").asInt()).isPositive();
        assertThat(http.get("/api/jurisdictions", null).status()).isEqualTo(401);
    }

    @Test
    void aUnitOfTheNewAnGiangRecordsANovember2025AgreementWithKampot() {
        String id = "AGR-AG-" + unique();
        LedgerHttp.Response response = http.post(
                "/api/agreements", Tokens.of(AN_GIANG_UNIT), agreement(id, "VN-AG2025", "KH-7", "2025-11-03"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(metadataOf(id)).doesNotContain("recordedbysuccessor");
    }

    @Test
    void aKienGiangTokenIsRefusedForAFactDatedFromTheMergerWithAProblemNamingTheSuccessor() {
        String id = "AGR-KG-" + unique();
        LedgerHttp.Response response =
                http.post("/api/agreements", Tokens.kienGiang(), agreement(id, "VN-47", "KH-7", "2025-07-01"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).endsWith("province-ended");
        assertThat(response.json().get("detail").asText()).contains("VN-AG2025");
        assertThat(response.json().get("fields").toString()).contains("signedOn");
        assertThat(eventsOf(id)).isZero();
    }

    @Test
    void aUnitOfTheSuccessorRecordsA2024KienGiangFactMarkedAsRecordedByTheSuccessor() {
        String id = "AGR-KG24-" + unique();
        LedgerHttp.Response response =
                http.post("/api/agreements", Tokens.of(AN_GIANG_UNIT), agreement(id, "VN-47", "KH-7", "2024-05-02"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "select convert_from(payload, 'UTF8')::jsonb ->> 'parties' from domain_event_entry"
                                + " where aggregate_identifier = ?",
                        String.class,
                        id))
                .contains("VN-47")
                .doesNotContain("VN-AG2025");
        assertThat(metadataOf(id))
                .contains("\"recordedbysuccessor\": \"VN-AG2025\"")
                .contains("\"province\": \"VN-AG2025\"");
    }

    @Test
    void badProvincesAreRefusedNamingTheFieldAndNothingIsRecorded() {
        for (List<String> refused : List.of(
                List.of("VN-99", "KH-7", "2024-05-02", "province-not-in-reference-data"),
                List.of("VN-AG2025", "VN-44", "2024-05-02", "parties-not-one-per-country"),
                List.of("VN-AG2025", "KH-7", "2024-05-02", "province-not-valid-on-date"))) {
            String id = "AGR-BAD-" + unique();
            LedgerHttp.Response response = http.post(
                    "/api/agreements", Tokens.kampot(), agreement(id, refused.get(0), refused.get(1), refused.get(2)));

            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.json().get("type").asText()).endsWith(refused.get(3));
            assertThat(response.json().get("fields").toString()).contains("parties");
            assertThat(eventsOf(id)).isZero();
        }
    }

    @Test
    void aChangeOfTheReferenceDataTakesAnAdminOfEachSideAndIsThenInEffect() {
        String changeId = "JC-" + unique();
        String code = "KH-" + (30 + (int) (Math.random() * 60));
        String proposal = "{\"changeId\":\"" + changeId + "\",\"reason\":\"A province joins the ledger\","
                + "\"source\":\"ISO 3166-2:KH\",\"proposedOn\":\"2026-01-05\",\"entries\":[{\"code\":\"" + code
                + "\",\"side\":\"KH\",\"nameVi\":\"Thử\",\"nameKm\":\"សាកល្បង\",\"nameEn\":\"Trial\","
                + "\"source\":\"test\"}]}";

        assertThat(http.post("/api/admin/jurisdictions/changes", Tokens.kampot(), proposal)
                        .status())
                .isEqualTo(403);
        LedgerHttp.Response proposed = http.post("/api/admin/jurisdictions/changes", Tokens.of(KH_ADMIN), proposal);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("id").asText()).isEqualTo(changeId);
        assertThat(codes()).doesNotContain(code);

        String approval = "{\"approvedOn\":\"2026-01-09\"}";
        String approvals = "/api/admin/jurisdictions/changes/" + changeId + "/approvals";
        LedgerHttp.Response sameSide = http.post(approvals, Tokens.of(TAKEO_ADMIN), approval);
        assertThat(sameSide.status()).isEqualTo(403);
        assertThat(sameSide.json().get("type").asText()).endsWith("approval-from-same-side");
        assertThat(codes()).doesNotContain(code);

        LedgerHttp.Response approved = http.post(approvals, Tokens.of(VN_ADMIN), approval);
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(codes()).contains(code);
    }

    private List<String> codes() {
        return http.get("/api/jurisdictions", Tokens.auditor())
                .json()
                .get("provinces")
                .findValuesAsText("code");
    }

    private static String agreement(String id, String vn, String kh, String signedOn) {
        return "{\"id\":\"" + id + "\",\"title\":\"Border trade\",\"parties\":[\"" + vn + "\",\"" + kh + "\"],"
                + "\"signedOn\":\"" + signedOn + "\",\"place\":\"Kampot\",\"signatories\":[],"
                + "\"domains\":[\"TRADE\"],\"validFrom\":\"" + signedOn + "\",\"validTo\":\"2030-12-31\"}";
    }

    private String metadataOf(String id) {
        return jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8')::jsonb::text from domain_event_entry"
                        + " where aggregate_identifier = ?",
                String.class,
                id);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
