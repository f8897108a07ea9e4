package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-publish procedure end to end on the local run: the whole event store published into the topic a second time,
 * then the read models rebuilt from that topic, reproduce every figure and row, and the consistency check finds no
 * difference; no record is parked.
 */
class RepublicationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @TempDir
    Path dataDir;

    /** The replay and the consistency check that follow it, on one read-model database, need no cooldown between. */
    @BeforeAll
    static void noCooldownBetweenReadModelJobs() {
        System.setProperty("ledger.rebuild.cooldown", "0s");
    }

    @AfterAll
    static void cooldownAsConfigured() {
        System.clearProperty("ledger.rebuild.cooldown");
    }

    @Test
    void aFullRepublicationThenAReplayReproducesTheReadModels() throws Exception {
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);
        try (LocalLedger ledger = LocalLedger.start(settings)) {
            LedgerHttp command = LocalRuns.command(settings);
            LedgerHttp query = LocalRuns.query(settings);
            String admin = ledger.tokens().admin();
            long position = ledger.recordDemoData();
            JsonNode statistics = read(query, ledger, "/api/statistics?from=2014-01-01&to=2014-12-31", position);
            JsonNode markers =
                    read(query, ledger, "/api/markers?size=500", position).get("items");
            JsonNode cases = read(query, ledger, "/api/repatriation-cases?size=500", position)
                    .get("items");
            JsonNode indicators =
                    read(query, ledger, "/api/indicators?size=500", position).get("items");

            assertThat(command.post("/api/admin/republications", ledger.tokens().auditor(), "{}")
                            .status())
                    .as("only an admin re-publishes")
                    .isEqualTo(403);
            LedgerHttp.Response started = command.post("/api/admin/republications", admin, "{\"fromPosition\":1}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            JsonNode republication = await(
                    () -> command.get(
                                    "/api/admin/republications/"
                                            + started.json().get("id").asText(),
                                    admin)
                            .json(),
                    "COMPLETED");
            long events = republication.get("eventsTotal").asLong();
            assertThat(republication.get("eventsPublished").asLong()).isEqualTo(events);
            assertThat(republication.get("toPosition").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(republication.get("percent").asDouble()).isEqualTo(100.0);
            LedgerHttp.Response replay = query.post("/api/admin/replays", admin, "");
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            JsonNode replayed = await(
                    () -> query.get(
                                    "/api/admin/replays/"
                                            + replay.json().get("id").asText(),
                                    admin)
                            .json(),
                    "COMPLETED");
            assertThat(replayed.get("eventsTotal").asLong())
                    .as("every event is on the topic twice")
                    .isGreaterThanOrEqualTo(2 * events);

            assertThat(read(query, ledger, "/api/statistics?from=2014-01-01&to=2014-12-31", position))
                    .isEqualTo(statistics);
            assertThat(read(query, ledger, "/api/markers?size=500", position).get("items"))
                    .isEqualTo(markers);
            assertThat(read(query, ledger, "/api/repatriation-cases?size=500", position)
                            .get("items"))
                    .isEqualTo(cases);
            assertThat(read(query, ledger, "/api/indicators?size=500", position).get("items"))
                    .isEqualTo(indicators);

            LedgerHttp.Response check = query.post("/api/admin/consistency-checks", admin, "");
            assertThat(check.status()).as(check.body()).isEqualTo(202);
            JsonNode checked = await(
                    () -> query.get(
                                    "/api/admin/consistency-checks/"
                                            + check.json().get("id").asText(),
                                    admin)
                            .json(),
                    "COMPLETED");
            assertThat(checked.get("consistent").asBoolean())
                    .as(checked.toString())
                    .isTrue();
            assertThat(checked.get("differencesTotal").asLong()).isZero();
            assertThat(query.get("/api/admin/dead-letters", admin)
                            .json()
                            .get("total")
                            .asLong())
                    .isZero();
        }
    }

    /** GETs a read once the read models have processed {@code position}; without the position and timing fields. */
    private static JsonNode read(LedgerHttp query, LocalLedger ledger, String path, long position) {
        LedgerHttp.Response response = LocalRuns.until(
                200,
                PATIENCE,
                () -> query.get(
                        path + (path.contains("?") ? "&" : "?") + "minPosition=" + position,
                        ledger.tokens().auditor()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        if (body.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove(java.util.List.of("position", "rebuilding"));
        }
        return body;
    }

    /** Polls a job until it reaches {@code status}; fails on another final status or after the patience. */
    private static JsonNode await(Supplier<JsonNode> job, String status) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode current = job.get();
        while (!status.equals(current.get("status").asText())) {
            assertThat(current.get("status").asText()).as(current.toString()).isEqualTo("RUNNING");
            assertThat(System.nanoTime()).as("%s in time: %s", status, current).isLessThan(deadline);
            LocalRuns.sleep(500);
            current = job.get();
        }
        return current;
    }
}
