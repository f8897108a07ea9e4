package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** With a write rate set, a subject's writes beyond it are refused with 429 and Retry-After, and record nothing. */
@CommandServiceIT
@TestPropertySource(properties = {"ledger.write.rate-limit.per-second=0.01", "ledger.write.rate-limit.burst=3"})
class WriteRateLimitIT {

    static final String CASE = "{\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}";

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
    void refusesASubjectsWritesBeyondItsRateAndLetsOtherSubjectsWrite() {
        String token = Tokens.of(unit());
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/repatriation-cases", token, CASE).status())
                    .isEqualTo(201);
        }
        long before = events();

        LedgerHttp.Response refused = http.post("/api/repatriation-cases", token, CASE);

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/too-many-writes");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(50L, 100L);
        assertThat(events()).isEqualTo(before);
        assertThat(http.post("/api/repatriation-cases", Tokens.of(unit()), CASE).status())
                .as("another subject has its own rate")
                .isEqualTo(201);
    }

    @Test
    void aBatchCountsItsItems() {
        String token = Tokens.of(unit());
        String item = "{\"type\":\"OpenRepatriationCase\",\"body\":" + CASE + "}";

        LedgerHttp.Response batch = http.post(
                "/api/batches", token, "{\"commands\":[" + String.join(",", item, item, item, item, item) + "]}");
        LedgerHttp.Response next = http.post("/api/repatriation-cases", token, CASE);

        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(next.status()).as(next.body()).isEqualTo(429);
        assertThat(Long.parseLong(next.header("Retry-After")))
                .as("the batch took two writes more than the burst held: 3 writes at one per 100 s")
                .isBetween(250L, 300L);
    }

    private static LedgerPrincipal unit() {
        return new LedgerPrincipal(
                "rate-" + UUID.randomUUID(), "KG-BORDER-GUARD", Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT));
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
