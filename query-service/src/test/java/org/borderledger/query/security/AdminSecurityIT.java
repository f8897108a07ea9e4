package org.borderledger.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.borderledger.query.AdminTokens;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Rebuilds and consistency checks are for auditors and administrators; a unit may not even look at them. */
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QueryServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class AdminSecurityIT {

    @LocalServerPort
    int port;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/replays", "/api/admin/consistency-checks"})
    void onlyAuditorsAndAdministratorsReachTheAdminApi(String path) {
        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.get(path, Tokens.kienGiang()).status()).isEqualTo(403);
        assertThat(http.get(path, Tokens.kampot()).contentType()).startsWith("application/problem+json");
        assertThat(http.post(path, Tokens.kampot(), "").status())
                .as("a unit starts nothing")
                .isEqualTo(403);
        assertThat(http.get(path, Tokens.auditor()).status()).isEqualTo(200);
        assertThat(http.get(path, AdminTokens.admin()).status()).isEqualTo(200);
        assertThat(http.get(path + "/no-such-job", AdminTokens.admin()).status())
                .isEqualTo(404);
    }

    @Test
    void theAdminApiIsDocumented() {
        assertThat(http.get("/v3/api-docs", null).body())
                .contains("/api/admin/replays/{id}", "/api/admin/consistency-checks/{id}")
                .contains("X-Ledger-Rebuilding");
    }
}
