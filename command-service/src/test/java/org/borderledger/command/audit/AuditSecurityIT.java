package org.borderledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only auditors read the audit API: without a token 401, with a unit's or an admin's token 403. */
@CommandServiceIT
class AuditSecurityIT {

    static final LedgerPrincipal ADMIN =
            new LedgerPrincipal("admin-1", "JOINT-COMMISSION", Side.KH, "KH-7", Set.of(LedgerPrincipal.ADMIN));

    @LocalServerPort
    int port;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    static Stream<String> paths() {
        return Stream.of(
                "/api/audit/events",
                "/api/audit/events?unit=KG-BORDER-GUARD&limit=5",
                "/api/audit/aggregates/314%2F1/history",
                "/api/audit/aggregates/REP-2014-KP-01/state?asOf=2024-01-01T00:00:00Z",
                "/api/audit/verify");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void refusesAnyoneWithoutAToken(String path) {
        assertProblem(http.get(path, null), 401);
    }

    @ParameterizedTest
    @MethodSource("paths")
    void refusesUnitsAndAdmins(String path) {
        assertProblem(http.get(path, Tokens.kienGiang()), 403);
        assertProblem(http.get(path, Tokens.kampot()), 403);
        assertProblem(http.get(path, Tokens.of(ADMIN)), 403);
    }

    @ParameterizedTest
    @MethodSource("paths")
    void letsAnAuditorRead(String path) {
        assertThat(http.get(path, Tokens.auditor()).status()).isIn(200, 404);
    }

    private static void assertProblem(LedgerHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
