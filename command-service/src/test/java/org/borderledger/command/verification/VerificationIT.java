package org.borderledger.command.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.command.evidence.Seals;
import org.borderledger.command.evidence.TamperEvidence;
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
 * {@code GET /api/audit/verify} checks only what was recorded since the last verified seal; the full check from the
 * first event is a job at {@code /api/admin/verifications} with progress, cancellation and one job at a time, and a
 * break it finds stays in every verify answer until a later full verification passes.
 */
@CommandServiceIT
class VerificationIT {

    private static final String ADMIN = Tokens.of(new LedgerPrincipal(
            "admin-1", "JOINT-COMMISSION", Side.VN, Provinces.KIEN_GIANG, Set.of(LedgerPrincipal.ADMIN)));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStore eventStore;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void verifyChecksOnlyWhatWasRecordedSinceTheLastVerifiedSeal() {
        Seals.awaitSealed(jdbc, eventStore, caseWithThreeEvents().get(2));
        JsonNode first = verify();
        assertThat(first.get("valid").asBoolean()).as(first.toString()).isTrue();
        long verifiedThrough = first.get("lastSeal").get("position").asLong();

        List<Long> positions = caseWithThreeEvents();
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        JsonNode second = verify();

        assertThat(second.get("valid").asBoolean()).as(second.toString()).isTrue();
        assertThat(second.get("scope").asText()).isEqualTo("incremental");
        assertThat(second.get("checkedAfter").asLong()).isGreaterThanOrEqualTo(verifiedThrough);
        long checkedAfter = second.get("checkedAfter").asLong();
        assertThat(second.get("eventsChecked").asLong())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where global_index > ?", Long.class, checkedAfter))
                .isLessThan(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        assertThat(second.get("lastSeal").get("position").asLong()).isGreaterThanOrEqualTo(positions.get(2));
    }

    @Test
    void aRewrittenVerifiedSealShowsInTheNextVerify() {
        Seals.awaitSealed(jdbc, eventStore, caseWithThreeEvents().get(2));
        JsonNode verified = verify();
        long seal = verified.get("lastSeal").get("position").asLong();
        String chainHash = verified.get("lastSeal").get("chainHash").asText();
        assertThat(verify().get("checkedAfter").asLong()).isEqualTo(seal);

        jdbc.update("update event_seal set chain_hash = ? where position = ?", "0".repeat(64), seal);
        try {
            JsonNode verification = verify();
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBroken").get("position").asLong()).isEqualTo(seal);
            assertThat(verification.get("firstBroken").get("reason").asText())
                    .startsWith("the seal at position " + seal + " verified at ")
                    .endsWith(" was rewritten");
        } finally {
            jdbc.update("update event_seal set chain_hash = ? where position = ?", chainHash, seal);
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aFullVerificationRunsAsAJobOneAtATimeAndCanBeCancelled() throws Exception {
        Seals.awaitSealed(jdbc, eventStore, caseWithThreeEvents().get(2));
        assertThat(http.post("/api/admin/verifications", Tokens.kienGiang(), "").status())
                .isEqualTo(403);

        String cancelled;
        try (Connection holder = dataSource.getConnection()) {
            // the job reads the seals first: while they are locked it is running and cannot end
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("lock table event_seal in access exclusive mode");
            }
            LedgerHttp.Response started = http.post("/api/admin/verifications", Tokens.auditor(), "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            cancelled = started.json().get("id").asText();
            assertThat(started.header("Location")).endsWith("/api/admin/verifications/" + cancelled);
            assertThat(started.json().get("status").asText()).isEqualTo("RUNNING");

            LedgerHttp.Response second = http.post("/api/admin/verifications", ADMIN, "");
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.json().get("runningId").asText()).isEqualTo(cancelled);

            LedgerHttp.Response cancel = delete("/api/admin/verifications/" + cancelled);
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
            assertThat(cancel.json().get("cancelRequested").asBoolean()).isTrue();
            holder.rollback();
        }
        JsonNode stopped = awaitEnd(cancelled);
        assertThat(stopped.get("status").asText()).as(stopped.toString()).isEqualTo("CANCELLED");
        assertThat(stopped.get("result").isNull()).isTrue();
        assertThat(delete("/api/admin/verifications/" + cancelled).status()).isEqualTo(409);

        LedgerHttp.Response full = http.post("/api/admin/verifications", ADMIN, "");
        assertThat(full.status()).as(full.body()).isEqualTo(202);
        JsonNode done = awaitEnd(full.json().get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("eventsChecked").asLong())
                .isGreaterThanOrEqualTo(done.get("eventsTotal").asLong());
        assertThat(done.get("result").get("valid").asBoolean())
                .as(done.toString())
                .isTrue();
        assertThat(http.get("/api/admin/verifications", Tokens.auditor())
                        .json()
                        .get(0)
                        .get("id")
                        .asText())
                .isEqualTo(done.get("id").asText());
        assertThat(http.get("/api/admin/verifications/" + UUID.randomUUID(), Tokens.auditor())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aBreakTheFullVerificationFoundStaysInEveryVerifyUntilAFullOnePasses() {
        List<Long> positions = caseWithThreeEvents();
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        assertThat(verify().get("valid").asBoolean()).isTrue();
        long altered = positions.get(1);
        byte[] original = jdbc.queryForObject(
                "select payload from domain_event_entry where global_index = ?", byte[].class, altered);

        jdbc.update(
                "update domain_event_entry set payload = overlay(payload placing 'X'::bytea from 10 for 1)"
                        + " where global_index = ?",
                altered);
        JsonNode found;
        try {
            found = awaitEnd(startFull());
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, altered);
        }
        assertThat(found.get("result").get("valid").asBoolean()).isFalse();
        assertThat(found.get("result").get("firstBroken").get("position").asLong())
                .isEqualTo(altered);

        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBroken").get("position").asLong()).isEqualTo(altered);
        assertThat(verification.get("firstBroken").get("reason").asText()).isEqualTo(TamperEvidence.ALTERED);
        assertThat(verification.get("latestFullVerification").get("id").asText())
                .isEqualTo(found.get("id").asText());

        JsonNode passed = awaitEnd(startFull());
        assertThat(passed.get("result").get("valid").asBoolean())
                .as(passed.toString())
                .isTrue();
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    private String startFull() {
        LedgerHttp.Response started = http.post("/api/admin/verifications", Tokens.auditor(), "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asText();
    }

    private JsonNode awaitEnd(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            LedgerHttp.Response response = http.get("/api/admin/verifications/" + id, Tokens.auditor());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode job = response.json();
            if (!job.get("status").asText().equals("RUNNING")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Verification " + id + " still running after 120 s: " + job);
            }
            sleep(100);
        }
    }

    private LedgerHttp.Response delete(String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + Tokens.auditor())
                                .DELETE()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return new LedgerHttp.Response(response.statusCode(), response.headers(), response.body());
    }

    private JsonNode verify() {
        LedgerHttp.Response response = http.get("/api/audit/verify", Tokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<Long> caseWithThreeEvents() {
        String id = "REP-VERIFY-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> positions = new ArrayList<>();
        positions.add(write(
                "/api/repatriation-cases",
                "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}"));
        for (int count : new int[] {12, 5}) {
            positions.add(write(
                    "/api/repatriation-cases/" + id + "/recoveries",
                    "{\"recoveredOn\":\"2014-03-02\",\"count\":" + count
                            + ",\"site\":{\"province\":\"KH-7\",\"district\":\"Kampong Trach\"}}"));
        }
        return positions;
    }

    private long write(String path, String body) {
        LedgerHttp.Response response = http.post(path, Tokens.kienGiang(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("position").asLong();
    }

    /** Waits until a seal covers {@code position}, appending a harmless event now and then so the seal moves on. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
