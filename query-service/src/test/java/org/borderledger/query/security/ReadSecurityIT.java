package org.borderledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.borderledger.events.Side;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Nobody without a valid token reads anything; every role reads; nobody writes through the read side. */
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QueryServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class ReadSecurityIT {

    @LocalServerPort
    int port;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/agreements",
                "/api/repatriation-cases",
                "/api/markers",
                "/api/markers.geojson",
                "/api/indicators",
                "/api/statistics?from=2014-01-01&to=2014-12-31"
            })
    void everyReadNeedsAValidTokenAndEveryRoleMayRead(String path) {
        String expired = LedgerTokens.sign(
                "integration-tests-only-secret-0123456789abcdef",
                Tokens.AUDITOR,
                Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));

        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.get(path, null).contentType()).startsWith("application/problem+json");
        assertThat(http.get(path, expired).status()).isEqualTo(401);
        assertThat(http.get(path, Tokens.kienGiang()).status()).isEqualTo(200);
        assertThat(http.get(path, Tokens.kampot()).status()).isEqualTo(200);
        assertThat(http.get(path, Tokens.auditor()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/agreements",
                "/api/repatriation-cases",
                "/api/markers",
                "/api/markers.geojson",
                "/api/indicators",
                "/api/statistics?from=2014-01-01&to=2014-12-31"
            })
    void refusesTokensOutsideTheClaimLimitsOrTheRolePolicy(String path) {
        LedgerPrincipal longUnit =
                new LedgerPrincipal("kg-officer", "U".repeat(300), Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT));
        LedgerPrincipal unitAndAuditor = new LedgerPrincipal(
                "kg-officer",
                "KG-BORDER-GUARD",
                Side.VN,
                "VN-47",
                Set.of(LedgerPrincipal.UNIT, LedgerPrincipal.AUDITOR));
        LedgerPrincipal unitAndAdmin = new LedgerPrincipal(
                "kg-officer", "KG-BORDER-GUARD", Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT, LedgerPrincipal.ADMIN));

        for (LedgerPrincipal principal : List.of(longUnit, unitAndAuditor, unitAndAdmin)) {
            LedgerHttp.Response refused = http.get(path, Tokens.of(principal));
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/agreements", "/api/markers", "/api/statistics"})
    void nobodyWritesThroughTheReadSide(String path) {
        assertThat(http.post(path, Tokens.kienGiang(), "{}").status()).isEqualTo(403);
    }
}
