package org.borderledger.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Concurrent writes sharing one transaction: each keeps its own answer, a conflict inside a batch retries only the
 * loser, and a batch that does not commit stores nothing and acknowledges nothing. The batching window is long, so
 * writes started together land in one batch.
 */
@CommandServiceIT
@TestPropertySource(
        properties = {
            "ledger.write.group-commit.enabled=true",
            "ledger.write.group-commit.window=700ms",
            "ledger.write.group-commit.max-batch=16",
            "ledger.write.group-commit.writers=1"
        })
class GroupCommitIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GroupCommit groupCommit;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @AfterEach
    void noHook() {
        groupCommit.beforeCommit(() -> {});
    }

    @Test
    void acceptedAndRefusedWritesOfOneBatchEachGetTheirOwnAnswer() throws Exception {
        String marker = "M-GC-" + unique();
        plannedAndReported(marker);
        String emptyCase = "REP-GC-" + unique();
        openCase(emptyCase);
        String agreementA = "AGR-GC-" + unique();
        String agreementB = "AGR-GC-" + unique();
        long batchesBefore = groupCommit.batches();

        // in this order: refusals that read their aggregate from the store follow accepted writes of the batch
        List<LedgerHttp.Response> answers = together(List.of(
                () -> http.post("/api/agreements", Tokens.kienGiang(), agreement(agreementA)),
                () -> http.post(
                        "/api/repatriation-cases/REP-GC-NONE-" + unique() + "/recoveries",
                        Tokens.kienGiang(),
                        "{\"recoveredOn\":\"2014-03-02\",\"count\":1,\"site\":{\"province\":\"KH-7\","
                                + "\"district\":\"Kampong Trach\",\"lat\":10.56,\"lon\":104.47}}"),
                () -> http.post(
                        "/api/markers/" + marker + "/completion-reports",
                        Tokens.kienGiang(),
                        "{\"completedOn\":\"2014-08-11\",\"lat\":10.42,\"lon\":104.49}"),
                () -> http.post("/api/agreements", Tokens.kienGiang(), agreement(agreementB)),
                () -> http.post(
                        "/api/repatriation-cases/" + emptyCase + "/repatriations",
                        Tokens.kienGiang(),
                        "{\"repatriatedOn\":\"2014-04-20\",\"count\":1}"),
                () -> http.post(
                        "/api/repatriation-cases",
                        Tokens.kienGiang(),
                        "{\"id\":\"" + emptyCase + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}")));

        assertThat(answers).extracting(LedgerHttp.Response::status).containsExactly(201, 404, 409, 201, 422, 409);
        assertThat(answers.get(1).body()).contains("unknown-aggregate");
        assertThat(answers.get(2).body()).contains("completion-already-reported");
        assertThat(answers.get(4).body()).contains("repatriation-before-recovery");
        assertThat(answers.get(5).body()).contains("already-exists");
        assertThat(eventsOf(agreementA)).isEqualTo(1);
        assertThat(eventsOf(agreementB)).isEqualTo(1);
        assertThat(eventsOf(marker)).isEqualTo(2);
        assertThat(eventsOf(emptyCase)).isEqualTo(1);
        assertThat(positionOf(answers.get(0))).isEqualTo(lastPosition(agreementA));
        assertThat(positionOf(answers.get(3))).isEqualTo(lastPosition(agreementB));
        long batches = groupCommit.batches() - batchesBefore;
        assertThat(batches).as("six writes started together share transactions").isBetween(1L, 5L);
    }

    @Test
    void aConflictInsideABatchRetriesOnlyTheLoser() throws Exception {
        String caseId = "REP-GC-" + unique();
        openCase(caseId);
        String neighbour = "AGR-GC-" + unique();
        Map<String, String> key = Map.of("Idempotency-Key", "gc-recovery-" + caseId);
        String recovery = "{\"recoveredOn\":\"2014-03-02\",\"count\":4,\"site\":{\"province\":\"KH-7\","
                + "\"district\":\"Kampong Trach\",\"lat\":10.56,\"lon\":104.47}}";

        List<LedgerHttp.Response> answers = together(List.of(
                () -> http.post("/api/repatriation-cases/" + caseId + "/recoveries", Tokens.kienGiang(), recovery, key),
                () -> http.post("/api/agreements", Tokens.kienGiang(), agreement(neighbour)),
                () -> http.post(
                        "/api/repatriation-cases/" + caseId + "/recoveries", Tokens.kienGiang(), recovery, key)));

        assertThat(answers).extracting(LedgerHttp.Response::status).containsExactly(201, 201, 201);
        assertThat(answers.get(2).json()).isEqualTo(answers.get(0).json());
        assertThat(eventsOf(caseId)).isEqualTo(2);
        assertThat(eventsOf(neighbour)).isEqualTo(1);
    }

    @Test
    void aBatchThatDoesNotCommitStoresNothingAndAcknowledgesNothing() throws Exception {
        AtomicBoolean crashed = new AtomicBoolean();
        groupCommit.beforeCommit(() -> {
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("the process died before the batch committed");
            }
        });
        List<String> ids = List.of("AGR-GC-" + unique(), "AGR-GC-" + unique(), "AGR-GC-" + unique());
        List<Callable<LedgerHttp.Response>> writes = new ArrayList<>();
        for (String id : ids) {
            writes.add(() -> http.post(
                    "/api/agreements", Tokens.kienGiang(), agreement(id), Map.of("Idempotency-Key", "gc-" + id)));
        }

        List<LedgerHttp.Response> failed = together(writes);

        assertThat(crashed).isTrue();
        assertThat(failed).extracting(LedgerHttp.Response::status).allMatch(status -> status >= 500);
        for (String id : ids) {
            assertThat(eventsOf(id)).isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from idempotency_key where idempotency_key = ?", Long.class, "gc-" + id))
                    .isZero();
        }

        List<LedgerHttp.Response> retried = together(writes);

        assertThat(retried).extracting(LedgerHttp.Response::status).containsOnly(201);
        for (String id : ids) {
            assertThat(eventsOf(id)).isEqualTo(1);
        }
    }

    /** Starts the calls together, each 40 ms after the one before it, well inside one batching window. */
    private List<LedgerHttp.Response> together(List<Callable<LedgerHttp.Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LedgerHttp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                Callable<LedgerHttp.Response> call = calls.get(i);
                long stagger = 40L * i;
                futures.add(pool.submit(() -> {
                    start.await();
                    Thread.sleep(stagger);
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

    private void openCase(String id) {
        LedgerHttp.Response opened = http.post(
                "/api/repatriation-cases",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    private void plannedAndReported(String id) {
        LedgerHttp.Response planned = http.post(
                "/api/markers",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"type\":\"SUB\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                        + "\"responsibleSide\":\"VN\"}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        LedgerHttp.Response reported = http.post(
                "/api/markers/" + id + "/completion-reports",
                Tokens.kienGiang(),
                "{\"completedOn\":\"2014-08-10\",\"lat\":10.4201,\"lon\":104.4902}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    }

    private static String agreement(String id) {
        return "{\"id\":\"" + id + "\",\"title\":\"Cooperation plan 2014-2015\",\"parties\":[\"VN-47\",\"KH-7\"],"
                + "\"signedOn\":\"2014-05-26\",\"place\":\"Rạch Giá\",\"documentRef\":\"KH-HT/2014/05\","
                + "\"signatories\":[{\"name\":\"A\",\"title\":\"Vice-chairman\",\"province\":\"VN-47\"}],"
                + "\"domains\":[\"BORDER_SECURITY\",\"TRADE\"],\"validFrom\":\"2014-05-26\",\"validTo\":\"2015-12-31\"}";
    }

    private static long positionOf(LedgerHttp.Response response) {
        return response.json().get("position").asLong();
    }

    private long lastPosition(String aggregateId) {
        return jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                aggregateId);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
