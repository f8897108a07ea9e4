package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code 201} means the fact is kept, whatever happens to the process afterwards. The local run (the packaged jar, in
 * a child process) takes 8 concurrent writers, half of them sending an {@code Idempotency-Key}, and is killed with
 * {@code kill -9} in the middle of the load, then started again on the same data dir, three times: first the JVM alone
 * (its PostgreSQL outlives it and is stopped by the next start), then the JVM and PostgreSQL together, the third time
 * while the read side replays the topic (the projections are inside a batch). After each restart:
 *
 * <ul>
 *   <li>every write answered {@code 201} is in the store exactly once, at the position it was told;
 *   <li>every write that got no answer and had a key lands exactly once when retried with it; one without a key is in
 *       the store at most once;
 *   <li>the read models converge to exactly what the store holds (no fact missing, none extra), compared through the
 *       audit API and the query API, and after the kill during the replay a consistency check (a fresh rebuild
 *       compared row by row) finds no difference;
 *   <li>{@code GET /api/audit/verify} is valid.
 * </ul>
 *
 * Each cycle's figures are printed and written to {@code target/crash-consistency.txt}.
 */
class CrashConsistencyIT {

    private static final int WRITERS = 8;
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration CONVERGE = Duration.ofMinutes(3);
    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    private final String unit = LocalRunProcess.token(DemoTokens.KIEN_GIANG_UNIT);
    private final String auditor = LocalRunProcess.token(DemoTokens.AUDITOR);
    private final String admin = LocalRunProcess.token(DemoTokens.ADMIN);
    private final List<Write> everyWrite = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private final ConcurrentLinkedQueue<Outcome> refusedBeforeTheKill = new ConcurrentLinkedQueue<>();
    private String killedAt = "";

    /** One write a writer sent: what it is, how to send it again, and how to find its fact in the store. */
    record Write(String tag, String path, String body, String key) {}

    /** What the writer got: the status ({@code 0}: no answer) and the position a {@code 201} named. */
    record Outcome(Write write, int status, long position) {}

    @Test
    void keepsEveryAcknowledgedWriteAcrossKillsAndTheReadModelsConverge() throws Exception {
        // a consistency check per cycle and a replay follow each other within minutes: no cooldown between them
        try (LocalRunProcess ledger = LocalRunProcess.on(work.resolve("data")).with("LEDGER_REBUILD_COOLDOWN", "0s")) {
            ledger.start(START);
            for (int writer = 0; writer < WRITERS; writer++) {
                LedgerHttp.Response opened = ledger.command()
                        .post(
                                "/api/repatriation-cases",
                                unit,
                                "{\"id\":\"" + caseId(writer)
                                        + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");
                assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            }

            for (int cycle = 1; cycle <= 3; cycle++) {
                boolean duringReplay = cycle == 3;
                List<Outcome> outcomes = loadAndKill(ledger, cycle, duringReplay);
                ledger.start(START);
                check(ledger, cycle, outcomes, duringReplay);
            }
            ledger.stop();
            assertThat(ledger.postmaster()).as("Ctrl-C stops PostgreSQL too").isEmpty();
        } finally {
            Files.write(Path.of("target", "crash-consistency.txt"), figures);
        }
    }

    /** Runs the writers until the kill: after enough acknowledged writes, or once the replay is under way. */
    private List<Outcome> loadAndKill(LocalRunProcess ledger, int cycle, boolean duringReplay) throws Exception {
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int w = writer;
            Thread thread = new Thread(() -> write(ledger, cycle, w, stop, acknowledged, outcomes), "writer-" + w);
            thread.start();
            writers.add(thread);
        }
        long started = System.nanoTime();
        int enough = duringReplay ? 400 : 150;
        waitUntil(Duration.ofMinutes(3), () -> acknowledged.get() >= enough && seconds(started) >= 3);
        String replayState = "";
        if (duringReplay) {
            LedgerHttp.Response replay = ledger.query().post("/api/admin/replays", admin, "");
            assertThat(replay.status()).as(replay.body()).isBetween(200, 202);
            String id = replay.json().get("id").asText();
            JsonNode progress = replay.json();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (progress.get("status").asText().equals("RUNNING")
                    && !(progress.hasNonNull("resetAt")
                            && progress.get("eventsProcessed").asLong()
                                    < progress.get("eventsTotal").asLong())
                    && System.nanoTime() < deadline) {
                LocalRuns.sleep(20);
                progress = ledger.query().get("/api/admin/replays/" + id, admin).json();
            }
            replayState = ", replay at " + progress.get("eventsProcessed").asLong() + " of "
                    + progress.get("eventsTotal").asLong() + " records ("
                    + progress.get("status").asText() + ")";
            assertThat(progress.get("status").asText())
                    .as("the kill comes while the replay runs: " + progress)
                    .isEqualTo("RUNNING");
        }
        stop.set(true);
        ledger.kill(cycle > 1);
        killedAt = "killed after " + acknowledged.get() + " acknowledged writes" + replayState;
        for (Thread writer : writers) {
            writer.join(Duration.ofMinutes(2).toMillis());
        }
        List<Outcome> all = new ArrayList<>(outcomes);
        all.forEach(outcome -> everyWrite.add(outcome.write()));
        return all;
    }

    /**
     * Writer {@code w} plans markers and records recoveries on its own case, in turn; writers 0 to 3 send an
     * {@code Idempotency-Key}. The tag (marker id, or the recovery's commune) finds each write's fact in the store.
     */
    private void write(
            LocalRunProcess ledger,
            int cycle,
            int w,
            AtomicBoolean stop,
            AtomicInteger acknowledged,
            ConcurrentLinkedQueue<Outcome> outcomes) {
        LedgerHttp command = ledger.command();
        for (int n = 0; !stop.get(); n++) {
            String tag = "C" + cycle + "-W" + w + "-" + n;
            String key = w < WRITERS / 2 ? "crash-" + tag : null;
            Write write = n % 2 == 0
                    ? new Write(
                            tag,
                            "/api/markers",
                            "{\"id\":\"" + tag + "\",\"type\":\"MAIN\",\"plannedLat\":10.4,\"plannedLon\":104.5,"
                                    + "\"responsibleSide\":\"VN\"}",
                            key)
                    : new Write(
                            tag,
                            "/api/repatriation-cases/" + caseId(w) + "/recoveries",
                            "{\"recoveredOn\":\"2014-03-02\",\"count\":1,\"site\":{\"province\":\"KH-7\","
                                    + "\"district\":\"Kampong Trach\",\"commune\":\"" + tag + "\"}}",
                            key);
            Outcome outcome = send(command, write);
            outcomes.add(outcome);
            if (outcome.status() == 201) {
                acknowledged.incrementAndGet();
            } else if (outcome.status() != 0 && !stop.get()) {
                refusedBeforeTheKill.add(outcome);
            }
        }
    }

    private Outcome send(LedgerHttp command, Write write) {
        try {
            LedgerHttp.Response response = command.post(
                    write.path(),
                    unit,
                    write.body(),
                    write.key() == null ? Map.of() : Map.of("Idempotency-Key", write.key()));
            long position =
                    response.status() == 201 ? response.json().get("position").asLong() : -1;
            return new Outcome(write, response.status(), position);
        } catch (UncheckedIOException e) {
            return new Outcome(write, 0, -1);
        }
    }

    private void check(LocalRunProcess ledger, int cycle, List<Outcome> outcomes, boolean duringReplay) {
        List<Outcome> acknowledgedWrites =
                outcomes.stream().filter(o -> o.status() == 201).toList();
        List<Outcome> unanswered =
                outcomes.stream().filter(o -> o.status() != 201).toList();
        Map<String, Long> retried = new HashMap<>();
        for (Outcome outcome : unanswered) {
            if (outcome.write().key() != null) {
                Outcome again = send(ledger.command(), outcome.write());
                assertThat(again.status())
                        .as("retry of %s with its key", outcome.write().tag())
                        .isEqualTo(201);
                retried.put(outcome.write().tag(), again.position());
            }
        }

        Store store = Store.read(ledger.command(), auditor);
        int lost = 0;
        for (Outcome outcome : acknowledgedWrites) {
            List<Long> positions = store.positions(outcome.write().tag());
            if (!positions.contains(outcome.position())) {
                lost++;
            }
        }
        int retriedLandedOnce = 0;
        int unkeyedLanded = 0;
        for (Outcome outcome : unanswered) {
            int copies = store.positions(outcome.write().tag()).size();
            if (outcome.write().key() != null) {
                if (copies == 1
                        && store.positions(outcome.write().tag())
                                .contains(retried.get(outcome.write().tag()))) {
                    retriedLandedOnce++;
                }
            } else if (copies == 1) {
                unkeyedLanded++;
            }
        }
        long doubled = everyWrite.stream()
                .filter(write -> store.positions(write.tag()).size() > 1)
                .count();

        ReadSide readSide = awaitReadSide(ledger, store);
        JsonNode verify = ledger.command().get("/api/audit/verify", auditor).json();

        long keyed = unanswered.stream().filter(o -> o.write().key() != null).count();
        String line = String.format(
                "crash-consistency cycle %d (%s): acknowledged %d, in flight %d (with key %d, landed once after retry"
                        + " %d; without key %d, landed %d), lost %d, doubled %d, read side missing %d, extra %d,"
                        + " store %d events, verify valid %s; %s",
                cycle,
                cycle == 1
                        ? "kill -9 of the JVM"
                        : duringReplay
                                ? "kill -9 of JVM and PostgreSQL during a replay"
                                : "kill -9 of JVM and PostgreSQL",
                acknowledgedWrites.size(),
                unanswered.size(),
                keyed,
                retriedLandedOnce,
                unanswered.size() - keyed,
                unkeyedLanded,
                lost,
                doubled,
                readSide.missing(),
                readSide.extra(),
                store.events(),
                verify.path("valid").asBoolean(),
                killedAt);
        System.out.println(line);
        figures.add(line);

        assertThat(acknowledgedWrites).as("the load reached the service").isNotEmpty();
        assertThat(refusedBeforeTheKill)
                .as("writes refused while the service ran")
                .isEmpty();
        assertThat(lost).as("acknowledged writes missing from the store").isZero();
        assertThat(retriedLandedOnce)
                .as("unanswered writes with a key, retried")
                .isEqualTo((int) keyed);
        assertThat(doubled).as("writes stored twice").isZero();
        assertThat(readSide.missing()).as("facts the read models miss").isZero();
        assertThat(readSide.extra())
                .as("facts the read models show that the store does not hold")
                .isZero();
        assertThat(verify.path("valid").asBoolean()).as(verify.toString()).isTrue();
        if (duringReplay) {
            JsonNode consistency = consistencyCheck(ledger);
            figures.add("crash-consistency cycle " + cycle + ": consistency check after the restart: "
                    + consistency.path("status").asText() + ", consistent " + consistency.path("consistent")
                    + ", differences " + consistency.path("differencesTotal") + ", rows compared "
                    + consistency.path("rowsCompared"));
            System.out.println(figures.get(figures.size() - 1));
            assertThat(consistency.path("consistent").asBoolean())
                    .as(consistency.toString())
                    .isTrue();
        }
    }

    /** What the store holds, read through the audit API's NDJSON stream. */
    record Store(
            Map<String, List<Long>> positionsByTag,
            Set<String> markers,
            Map<String, Long> recoveredByCase,
            long events) {

        /** Reads the whole stream: event lines, seal lines (skipped), and a resume line when it hit its time bound. */
        static Store read(LedgerHttp command, String auditor) {
            Map<String, List<Long>> positions = new HashMap<>();
            Set<String> markers = new HashSet<>();
            Map<String, Long> recovered = new TreeMap<>();
            long events = 0;
            String query = "";
            boolean complete = false;
            while (!complete) {
                LedgerHttp.Response stream =
                        command.get("/api/audit/events" + query, auditor, Map.of("Accept", "application/x-ndjson"));
                assertThat(stream.status()).as(stream.body()).isEqualTo(200);
                complete = true;
                for (String line : stream.body().split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode event = parse(line);
                    if (event.has("incomplete")) {
                        query = "?afterPosition="
                                + event.at("/incomplete/resumeAfterPosition").asLong();
                        complete = false;
                        continue;
                    }
                    if (!event.has("position")) {
                        continue;
                    }
                    events++;
                    long position = event.get("position").asLong();
                    String type = event.get("eventType").asText();
                    if (type.equals("MarkerPlanned")) {
                        String id = event.get("aggregateId").asText();
                        markers.add(id);
                        positions.computeIfAbsent(id, k -> new ArrayList<>()).add(position);
                    } else if (type.equals("RemainsRecovered")) {
                        String tag = event.at("/payload/site/commune").asText();
                        positions.computeIfAbsent(tag, k -> new ArrayList<>()).add(position);
                        recovered.merge(
                                event.get("aggregateId").asText(),
                                event.at("/payload/count").asLong(),
                                Long::sum);
                    }
                }
            }
            return new Store(positions, markers, recovered, events);
        }

        List<Long> positions(String tag) {
            return positionsByTag.getOrDefault(tag, List.of());
        }
    }

    /** Facts of the store the read models miss, and facts they show that the store does not hold. */
    record ReadSide(long missing, long extra) {

        boolean converged() {
            return missing == 0 && extra == 0;
        }
    }

    /** Compares the read models with the store until they agree or {@link #CONVERGE} passes; answers the last look. */
    private ReadSide awaitReadSide(LocalRunProcess ledger, Store store) {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        ReadSide readSide = readSide(ledger, store);
        while (!readSide.converged() && System.nanoTime() < deadline) {
            LocalRuns.sleep(1000);
            readSide = readSide(ledger, store);
        }
        return readSide;
    }

    private ReadSide readSide(LocalRunProcess ledger, Store store) {
        Set<String> shown = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode list = ledger.query()
                    .get("/api/markers?size=500&page=" + page, auditor)
                    .json();
            list.get("items").forEach(marker -> shown.add(marker.get("id").asText()));
            if (list.get("items").size() < 500) {
                break;
            }
        }
        long missing =
                store.markers().stream().filter(id -> !shown.contains(id)).count();
        long extra = shown.stream().filter(id -> !store.markers().contains(id)).count();
        for (int writer = 0; writer < WRITERS; writer++) {
            long stored = store.recoveredByCase().getOrDefault(caseId(writer), 0L);
            LedgerHttp.Response view = ledger.query().get("/api/repatriation-cases/" + caseId(writer), auditor);
            long read = view.status() == 200 ? view.json().get("recoveredTotal").asLong() : 0;
            missing += Math.max(0, stored - read);
            extra += Math.max(0, read - stored);
        }
        return new ReadSide(missing, extra);
    }

    /** {@code POST /api/admin/consistency-checks} (retried while a job holds the read models) and its result. */
    private JsonNode consistencyCheck(LocalRunProcess ledger) {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        LedgerHttp.Response started = ledger.query().post("/api/admin/consistency-checks", admin, "");
        while (started.status() == 409 && System.nanoTime() < deadline) {
            LocalRuns.sleep(1000);
            started = ledger.query().post("/api/admin/consistency-checks", admin, "");
        }
        assertThat(started.status()).as(started.body()).isBetween(200, 202);
        String id = started.json().get("id").asText();
        JsonNode check = started.json();
        while (check.path("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
            LocalRuns.sleep(1000);
            check = ledger.query()
                    .get("/api/admin/consistency-checks/" + id, admin)
                    .json();
        }
        return check;
    }

    private static String caseId(int writer) {
        return "REP-CRASH-W" + writer;
    }

    private static JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            LocalRuns.sleep(200);
        }
    }
}
