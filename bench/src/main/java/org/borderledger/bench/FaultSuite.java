package org.borderledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.borderledger.events.EventMetadata;
import org.borderledger.postgres.LocalPostgres;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.security.ReferenceUnits;

/**
 * The fault suite ({@code bench/faults.sh}): a PostgreSQL server of its own, a Kafka broker (local-run
 * {@code --broker-only}), two command-service and two query-service instances (sharing one event store and one
 * read-model database), each its own process, and 16 writers that spread their writes over the live command instances.
 * Every write carries an {@code Idempotency-Key}; one that gets no {@code 201} is sent again with the same key to the
 * next instance until it does. A probe writes and reads its write back with {@code minPosition} (end-to-end latency).
 * After steady phases with 1 and with 2 command instances, one fault at a time: {@code kill -9} of a query
 * instance and its restart, the broker stopped, PostgreSQL killed and restarted, the broker paused ({@code SIGSTOP}),
 * and last {@code kill -9} of the publishing command instance. Counted throughout: answers by status, {@code 503}s without
 * problem+json or {@code Retry-After}, {@code 5xx} other than {@code 503}, and requests that hit the client's timeout.
 * After each fault: every acknowledged write is in the store exactly once, and the time until end-to-end latency is
 * back under the steady phase's p99. At the end: the read models equal a fresh rebuild (consistency check), and the read
 * side's events/s with 1, 2 and 3 query instances on one database ({@link #readSideScaling}). Exit status 0 only when
 * nothing was lost or doubled, no answer was a 500 or a hang, the read models are consistent and every scaling replay
 * projected every event.
 */
public final class FaultSuite {

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int WRITERS = 16;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final String SERVICE_JAVA_OPTS = "-Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k"
            + " -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1";
    private static final LedgerPrincipal ADMIN = ReferenceUnits.admin("faults-admin");

    private final boolean quick;
    private final Path work;
    private final Path commandJar;
    private final Path queryJar;
    private final Path localJar;
    private final int portBase;
    private final int paceTotal;
    private final String secret;
    private final String recordKeys;
    private final Units.Tokens tokens;
    private final String adminToken;
    private final String keyPrefix = "faults-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private LocalPostgres postgres;
    private Service broker;
    private final Map<String, Service> commands = new LinkedHashMap<>();
    private final Map<String, Service> queries = new LinkedHashMap<>();
    private final Set<String> writeTo = ConcurrentHashMap.newKeySet();

    // what the writers saw
    private final AtomicReference<Phase> phase = new AtomicReference<>();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private boolean stopped;
    /** Writes per second of each writer; 0: each sends its next write as soon as the previous one is answered. */
    private volatile double writerRate;

    private final AtomicLong keys = new AtomicLong();
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> phases = new ArrayList<>();

    private FaultSuite(Map<String, String> options) {
        this.quick = options.containsKey("quick");
        this.work = Path.of(required(options, "work")).toAbsolutePath();
        this.commandJar = Path.of(required(options, "command-jar"));
        this.queryJar = Path.of(required(options, "query-jar"));
        this.localJar = Path.of(required(options, "local-jar"));
        this.portBase = Integer.parseInt(options.getOrDefault("port-base", "18400"));
        this.paceTotal = Integer.parseInt(options.getOrDefault("rate", "40"));
        this.secret = UUID.randomUUID() + "-" + UUID.randomUUID();
        this.recordKeys = "faults="
                + java.util.Base64.getEncoder()
                        .encodeToString((UUID.randomUUID() + "" + UUID.randomUUID())
                                .substring(0, 40)
                                .getBytes());
        this.tokens = Units.Tokens.sign(secret);
        this.adminToken = LedgerTokens.sign(secret, ADMIN, Instant.now(), Duration.ofHours(3));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(prepend(args));
        FaultSuite suite = new FaultSuite(options);
        // every process the suite started ends with it, also when it is interrupted
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "faults-stop"));
        int status;
        try {
            status = suite.run(options.get("out"));
        } finally {
            suite.stopAll();
        }
        System.exit(status);
    }

    private static String[] prepend(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "faults";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    // ---- the run ------------------------------------------------------------------------------------------------

    private int run(String out) throws Exception {
        Files.createDirectories(work);
        Instant started = Instant.now();
        log("PostgreSQL of the suite's own on 127.0.0.1:" + pgPort() + ", data in " + work.resolve("postgres"));
        postgres = LocalPostgres.start(work.resolve("postgres"), pgPort(), work.resolve("postgres.log"));
        postgres.createDatabaseIfMissing("ledger_f_command");
        postgres.createDatabaseIfMissing("ledger_f_query");
        startBroker();
        for (String name : List.of("command-a", "command-b")) {
            commands.put(name, startCommand(name));
        }
        for (String name : List.of("query-a", "query-b")) {
            queries.put(name, startQuery(name));
        }
        for (Service service : all()) {
            service.awaitReady(Duration.ofSeconds(240));
        }
        writeTo.addAll(commands.keySet());
        log("all up after " + Duration.between(started, Instant.now()).toSeconds() + " s");

        List<Thread> threads = new ArrayList<>();
        phase.set(new Phase("warm-up"));
        for (int i = 0; i < WRITERS; i++) {
            Histories lane = new Histories(keyPrefix + "w" + i);
            Thread thread = new Thread(() -> writer(lane), "writer-" + i);
            thread.start();
            threads.add(thread);
        }
        Thread prober = new Thread(this::probe, "probe");
        prober.start();

        Duration steady = Duration.ofSeconds(quick ? 15 : 60);
        sleep(Duration.ofSeconds(quick ? 15 : 30));
        writeTo.remove("command-b");
        Map<String, Object> steady1 = steadyPhase("steady, 1 command instance", steady);
        writeTo.add("command-b");
        Map<String, Object> steady2 = steadyPhase("steady, 2 command instances", steady);
        writerRate = (double) paceTotal / WRITERS;
        sleep(Duration.ofSeconds(5));
        Map<String, Object> paced = steadyPhase("steady, " + paceTotal + " writes/s, 2 command instances", steady);
        double normalP99 = ((Number) paced.get("e2eP99Ms")).doubleValue();
        Duration recoveryLimit = Duration.ofSeconds(quick ? 45 : 120);

        fault("kill -9 of a query instance, restarted after 10 s", recoveryLimit, normalP99, record -> {
            Service victim = queries.get("query-a");
            record.put("tokenOwnersBefore", tokenOwners("ledger_f_query"));
            victim.kill();
            sleep(Duration.ofSeconds(10));
            queries.put("query-a", startQuery("query-a"));
            return () -> queries.get("query-a").awaitReady(Duration.ofSeconds(180));
        });
        Duration brokerDown = Duration.ofSeconds(quick ? 15 : 60);
        fault("broker stopped for " + brokerDown.toSeconds() + " s", recoveryLimit, normalP99, record -> {
            broker.stop();
            sleep(brokerDown);
            startBroker();
            return () -> {};
        });
        fault("PostgreSQL killed and restarted", recoveryLimit, normalP99, record -> {
            postgres.discard();
            postgres.close();
            sleep(Duration.ofSeconds(3));
            postgres = LocalPostgres.start(work.resolve("postgres"), pgPort(), work.resolve("postgres.log"));
            return () -> {};
        });
        Duration paused = Duration.ofSeconds(quick ? 10 : 30);
        fault("broker paused (SIGSTOP) for " + paused.toSeconds() + " s", recoveryLimit, normalP99, record -> {
            broker.signal("STOP");
            sleep(paused);
            broker.signal("CONT");
            return () -> {};
        });

        fault("kill -9 of the publishing command instance", recoveryLimit, normalP99, record -> {
            String owner = publisherOwner();
            Service victim = commands.get(owner);
            record.put("publisherBefore", owner);
            long killed = System.nanoTime();
            writeTo.remove(owner);
            victim.kill();
            String successor = awaitOwnerOtherThan(owner, Duration.ofSeconds(60));
            record.put("publisherAfter", successor);
            record.put("takeoverMs", (System.nanoTime() - killed) / 1_000_000);
            // the last fault: the run ends on the remaining instance
            return () -> {};
        });

        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        prober.join(60_000);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", started.toString());
        result.put("mode", quick ? "quick" : "full");
        result.put("machine", machine());
        result.put("writers", WRITERS);
        result.put("clientTimeoutS", CLIENT_TIMEOUT.toSeconds());
        result.put("serviceJavaOpts", SERVICE_JAVA_OPTS);
        result.put("steady", List.of(steady1, steady2, paced));
        result.put("faultLoadWritesPerS", paceTotal);
        result.put("faults", phases);
        Map<String, Object> store = storeCheck();
        result.put("store", store);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String name : queries.keySet()) {
            checks.add(consistencyCheck(name));
        }
        result.put("consistencyChecks", checks);
        for (Service query : queries.values()) {
            query.stop();
        }
        List<Map<String, Object>> readSide = readSideScaling();
        result.put("readSideScaling", readSide);
        result.put("durationS", Duration.between(started, Instant.now()).toSeconds());

        boolean passed = store.get("missing").equals(0L)
                && store.get("doubled").equals(0L)
                && checks.stream().allMatch(check -> Boolean.TRUE.equals(check.get("consistent")))
                && readSide.stream().allMatch(scale -> Boolean.TRUE.equals(scale.get("complete")));
        long serverErrors = 0;
        long hangs = 0;
        long bad503 = 0;
        for (Map<String, Object> p : allPhases(steady2, steady1, paced)) {
            serverErrors += (Long) p.get("serverErrors");
            hangs += (Long) p.get("timeouts");
            bad503 += (Long) p.get("unavailableWithoutRetryAfter");
        }
        passed &= serverErrors == 0 && hangs == 0 && bad503 == 0;
        result.put("passed", passed);
        if (out != null) {
            json.writeValue(Path.of(out).toFile(), result);
        }
        System.out.println(json.writeValueAsString(result));
        log(passed ? "PASSED" : "FAILED: see the figures above (serverErrors, timeouts, store, consistencyChecks)");
        return passed ? 0 : 1;
    }

    private List<Map<String, Object>> allPhases(
            Map<String, Object> steady2, Map<String, Object> steady1, Map<String, Object> paced) {
        List<Map<String, Object>> all = new ArrayList<>(List.of(steady2, steady1, paced));
        all.addAll(phases);
        return all;
    }

    private Map<String, Object> steadyPhase(String name, Duration duration) {
        log(name + " for " + duration.toSeconds() + " s");
        Phase current = new Phase(name);
        phase.set(current);
        sleep(duration);
        return current.summary();
    }

    @FunctionalInterface
    private interface Fault {
        /** Causes the fault, ends it, and answers what brings the system back to full strength (waited for). */
        Runnable cause(Map<String, Object> record) throws Exception;
    }

    private void fault(String name, Duration recoveryLimit, double normalP99, Fault fault) throws Exception {
        log("fault: " + name);
        Phase current = new Phase(name);
        phase.set(current);
        Map<String, Object> record = new LinkedHashMap<>();
        long started = System.nanoTime();
        Runnable restore = fault.cause(record);
        long ended = System.nanoTime();
        record.put("faultS", Math.round((ended - started) / 1e8) / 10.0);
        Double recovered = awaitRecovery(ended, normalP99, recoveryLimit);
        record.put("e2eBackUnderNormalP99AfterS", recovered);
        restore.run();
        sleep(Duration.ofSeconds(5));
        Map<String, Object> summary = current.summary();
        summary.putAll(record);
        summary.put("store", storeCheck());
        phases.add(summary);
        log("  " + summary);
    }

    /**
     * Seconds from the end of a fault until five consecutive probes in a row saw their write within the steady
     * phase's p99; null when that did not happen within {@code limit}.
     */
    private Double awaitRecovery(long faultEnded, double normalP99Ms, Duration limit) {
        long deadline = faultEnded + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<Probe> after = probes.stream()
                    .filter(probe -> probe.sentNanos() >= faultEnded)
                    .toList();
            int run = 0;
            for (Probe probe : after) {
                run = probe.millis() <= normalP99Ms ? run + 1 : 0;
                if (run >= 5) {
                    return Math.round((probe.doneNanos() - faultEnded) / 1e8) / 10.0;
                }
            }
            sleep(Duration.ofMillis(500));
        }
        return null;
    }

    // ---- load ---------------------------------------------------------------------------------------------------

    private void writer(Histories lane) {
        AtomicInteger next = new AtomicInteger(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        long previous = System.nanoTime();
        while (running.get()) {
            double rate = writerRate;
            if (rate > 0) {
                // paced: the next write once its period after the previous one started has passed (no catching up)
                Pacer.awaitDue(previous + (long) (1e9 / rate));
            }
            previous = System.nanoTime();
            Step step = lane.next();
            String key = keyPrefix + keys.incrementAndGet();
            long position = send(step, key, next);
            if (position >= 0) {
                acknowledged.put(key, position);
            }
        }
    }

    /** Sends one write until it is acknowledged ({@code 201}) or refused ({@code 4xx}); answers its position. */
    private long send(Step step, String key, AtomicInteger next) {
        HttpWrites.Write write = HttpWrites.of(step);
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < giveUp) {
            Phase current = phase.get();
            String target = pick(next);
            HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl(target) + write.path()))
                    .timeout(CLIENT_TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.of(step.submitter()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(write.body()))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                current.timeout(e);
                continue;
            } catch (IOException e) {
                current.connectionFailed();
                sleep(Duration.ofMillis(100));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            current.answered(response, (System.nanoTime() - sent) / 1000);
            int status = response.statusCode();
            if (status == 201) {
                return Http.position(response.body());
            }
            if (status == 503 || status == 429) {
                long retryAfter = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                sleep(Duration.ofMillis(Math.min(1000, retryAfter * 1000)));
                continue;
            }
            if (status >= 500) {
                sleep(Duration.ofMillis(200));
                continue;
            }
            return -1;
        }
        return -1;
    }

    private String pick(AtomicInteger next) {
        List<String> live = new ArrayList<>(writeTo);
        live.sort(null);
        if (live.isEmpty()) {
            live = new ArrayList<>(commands.keySet());
        }
        return live.get(Math.floorMod(next.getAndIncrement(), live.size()));
    }

    /** A write every 250 ms, read back with minPosition on the query instances in turn. */
    private void probe() {
        Histories lane = new Histories(keyPrefix + "probe");
        AtomicInteger next = new AtomicInteger();
        int reads = 0;
        while (running.get()) {
            Step step = lane.next();
            String key = keyPrefix + "p" + keys.incrementAndGet();
            long sent = System.nanoTime();
            long position = send(step, key, next);
            if (position < 0) {
                continue;
            }
            acknowledged.put(key, position);
            List<String> names = new ArrayList<>(queries.keySet());
            String target = names.get(reads++ % names.size());
            if (readBack(target, step, position)) {
                probes.add(new Probe(sent, System.nanoTime()));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private boolean readBack(String target, Step step, long position) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && running.get()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(queryUrl(target) + HttpWrites.readPath(step) + "?minPosition=" + position))
                    .timeout(CLIENT_TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.auditor())
                    .GET()
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
                sleep(Duration.ofMillis(200));
            } catch (IOException e) {
                // the instance is down: the next instance answers
                List<String> names = new ArrayList<>(queries.keySet());
                target = names.get((names.indexOf(target) + 1) % names.size());
                sleep(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private record Probe(long sentNanos, long doneNanos) {
        double millis() {
            return (doneNanos - sentNanos) / 1e6;
        }
    }

    /** What the writers saw during one phase. */
    private final class Phase {
        final String name;
        final long started = System.nanoTime();
        final Histogram latency = Latency.histogram();
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong connectionFailures = new AtomicLong();
        final AtomicLong unavailableWithoutRetryAfter = new AtomicLong();
        final List<String> samples = new CopyOnWriteArrayList<>();

        Phase(String name) {
            this.name = name;
        }

        synchronized void answered(HttpResponse<String> response, long micros) {
            int status = response.statusCode();
            statuses.merge(status, 1L, Long::sum);
            if (status == 201) {
                latency.recordValue(Math.max(1, micros));
            }
            if (status == 503
                    && (response.headers().firstValue("Retry-After").isEmpty()
                            || !response.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("application/problem+json"))) {
                unavailableWithoutRetryAfter.incrementAndGet();
            }
            if (status != 201 && (samples.size() < 5 || (status < 500 && samples.size() < 10))) {
                String body = response.body();
                samples.add(status + " " + (body.length() > 300 ? body.substring(0, 300) : body));
            }
        }

        void timeout(Exception e) {
            timeouts.incrementAndGet();
            if (samples.size() < 5) {
                samples.add("timeout: " + e);
            }
        }

        void connectionFailed() {
            connectionFailures.incrementAndGet();
        }

        synchronized Map<String, Object> summary() {
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Double> e2e = probes.stream()
                    .filter(probe -> probe.sentNanos() >= started)
                    .map(Probe::millis)
                    .sorted()
                    .toList();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("phase", name);
            summary.put("durationS", Math.round(seconds * 10) / 10.0);
            long created = statuses.getOrDefault(201, 0L);
            summary.put("acknowledged", created);
            summary.put("commandsPerS", Math.round(created / seconds));
            summary.put("writeLatency", Latency.summary(latency));
            summary.put("statuses", new TreeMap<>(statuses));
            summary.put(
                    "serverErrors",
                    statuses.entrySet().stream()
                            .filter(entry -> entry.getKey() >= 500 && entry.getKey() != 503)
                            .mapToLong(Map.Entry::getValue)
                            .sum());
            summary.put("timeouts", timeouts.get());
            summary.put("connectionFailures", connectionFailures.get());
            summary.put("unavailableWithoutRetryAfter", unavailableWithoutRetryAfter.get());
            summary.put("e2eProbes", e2e.size());
            summary.put("e2eP50Ms", percentile(e2e, 0.50));
            summary.put("e2eP99Ms", percentile(e2e, 0.99));
            summary.put("e2eMaxMs", e2e.isEmpty() ? null : Math.round(e2e.get(e2e.size() - 1)));
            summary.put("samples", new ArrayList<>(samples));
            return summary;
        }
    }

    private static Long percentile(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    /** Every acknowledged write's key in the store, each exactly once, at the position its answer named. */
    private Map<String, Object> storeCheck() {
        Map<String, Long> acked = new HashMap<>(acknowledged);
        Map<String, List<Long>> stored = new HashMap<>();
        for (int attempt = 0; ; attempt++) {
            try (Connection connection = postgres.connect("ledger_f_command");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT convert_from(meta_data, 'UTF8')::jsonb"
                            + " ->> '" + EventMetadata.IDEMPOTENCY_KEY + "', global_index FROM domain_event_entry"
                            + " WHERE convert_from(meta_data, 'UTF8')::jsonb ->> '" + EventMetadata.IDEMPOTENCY_KEY
                            + "' LIKE '"
                            + keyPrefix + "%'")) {
                while (rows.next()) {
                    stored.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(rows.getLong(2));
                }
                break;
            } catch (java.sql.SQLException e) {
                if (attempt > 30) {
                    throw new IllegalStateException(e);
                }
                stored.clear();
                sleep(Duration.ofSeconds(1));
            }
        }
        long missing = 0;
        long doubled = 0;
        long elsewhere = 0;
        List<String> samples = new ArrayList<>();
        for (Map.Entry<String, Long> ack : acked.entrySet()) {
            List<Long> positions = stored.get(ack.getKey());
            if (positions == null) {
                missing++;
                if (samples.size() < 5) {
                    samples.add("missing " + ack.getKey());
                }
            } else if (positions.size() > 1) {
                doubled++;
                if (samples.size() < 5) {
                    samples.add("doubled " + ack.getKey() + " " + positions);
                }
            } else if (!positions.get(0).equals(ack.getValue())) {
                elsewhere++;
            }
        }
        Set<String> unacknowledged = new HashSet<>(stored.keySet());
        unacknowledged.removeAll(acked.keySet());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("acknowledged", (long) acked.size());
        result.put("missing", missing);
        result.put("doubled", doubled);
        result.put("atAnotherPosition", elsewhere);
        result.put("storedWithoutAcknowledgement", (long) unacknowledged.size());
        result.put("samples", samples);
        return result;
    }

    /** A consistency check on the named query instance (it compares once the live read models caught up). */
    private Map<String, Object> consistencyCheck(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("instance", name);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> started = startJob(queryUrl(name) + "/api/admin/consistency-checks");
            if (started.statusCode() == 409 || started.statusCode() == 503) {
                sleep(Duration.ofSeconds(2));
                continue;
            }
            if (started.statusCode() != 202) {
                result.put("failure", started.statusCode() + " " + started.body());
                return result;
            }
            JsonNode check =
                    awaitJob(URI.create(started.headers().firstValue("Location").orElseThrow()), deadline);
            String status = check.path("status").asText();
            if (status.equals("RUNNING")) {
                break;
            }
            result.put("status", status);
            result.put("consistent", check.path("consistent").asBoolean(false));
            result.put("rowsCompared", check.path("rowsCompared").asLong());
            result.put("eventsTotal", check.path("eventsTotal").asLong());
            result.put("differencesTotal", check.path("differencesTotal").asLong());
            if (check.hasNonNull("positionGaps")) {
                result.put("positionGaps", check.get("positionGaps").toString());
            }
            if (check.hasNonNull("failure")) {
                result.put("failure", check.get("failure").asText());
            }
            if (check.path("differences").size() > 0) {
                result.put("differences", check.get("differences").toString());
            }
            return result;
        }
        result.put("failure", "no result within 10 minutes");
        return result;
    }

    // ---- read-side scaling ----------------------------------------------------------------------------------------

    /**
     * The read side's events/s with 1, 2 and 3 query instances sharing a fresh read-model database, on the topic the run
     * wrote (6 partitions): the instances start, catch up, and then one of them replays the whole topic; the replay
     * takes every segment, the instances share them out again, and the figure is the topic's records divided by the
     * time from the reset to the replay's end. Complete when each replay completed and the read models then held every
     * event of the store once.
     */
    private List<Map<String, Object>> readSideScaling() throws Exception {
        long events = count("ledger_f_command", "SELECT count(*) FROM domain_event_entry");
        List<Map<String, Object>> results = new ArrayList<>();
        for (int instances = 1; instances <= 3; instances++) {
            String database = "ledger_f_scale_" + instances;
            postgres.createDatabaseIfMissing(database);
            log("read side with " + instances + " query instance(s) on " + database + ": " + events + " events");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("instances", instances);
            result.put("events", events);
            List<Service> started = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    started.add(startScaleQuery("scale-" + instances + "-" + i, i, database));
                }
                for (Service service : started) {
                    service.awaitReady(Duration.ofSeconds(240));
                }
                String processed = "SELECT count(*) FROM processed_position";
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (count(database, processed) < events && System.nanoTime() < deadline) {
                    sleep(Duration.ofSeconds(1));
                }
                sleep(Duration.ofSeconds(3));
                result.put("segmentOwnersBeforeReplay", tokenOwners(database).get("projections"));
                JsonNode replay = replay(scaleQueryUrl(0));
                result.put("replayStatus", replay.path("status").asText());
                if (replay.hasNonNull("resetAt") && replay.hasNonNull("finishedAt")) {
                    Duration took = Duration.between(
                            Instant.parse(replay.get("resetAt").asText()),
                            Instant.parse(replay.get("finishedAt").asText()));
                    long total = replay.path("eventsTotal").asLong();
                    result.put("recordsReplayed", total);
                    result.put("replayS", took.toMillis() / 1000.0);
                    result.put("eventsPerS", took.isZero() ? null : Math.round(total * 1000.0 / took.toMillis()));
                }
                sleep(Duration.ofSeconds(3));
                result.put("segmentOwnersAfterReplay", tokenOwners(database).get("projections"));
                long projected = count(database, processed);
                result.put("positionsProjected", projected);
                result.put("complete", "COMPLETED".equals(replay.path("status").asText()) && projected == events);
            } finally {
                for (Service service : started) {
                    service.stop();
                }
            }
            log("read side with " + instances + " instance(s): " + result);
            results.add(result);
        }
        return results;
    }

    /** Starts a replay on the instance at {@code url} and answers its record once it ended. */
    private JsonNode replay(String url) throws Exception {
        HttpResponse<String> started = startJob(url + "/api/admin/replays");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("The replay was refused: " + started.statusCode() + " " + started.body());
        }
        return awaitJob(
                URI.create(started.headers().firstValue("Location").orElseThrow()),
                System.nanoTime() + Duration.ofMinutes(20).toNanos());
    }

    /** POSTs an admin job (a replay, a consistency check) to {@code url}; the answer. */
    private HttpResponse<String> startJob(String url) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(CLIENT_TIMEOUT)
                        .header("Authorization", "Bearer " + adminToken)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The job at {@code location} once it is no longer RUNNING, or as it stands at {@code deadline} (nanoTime). */
    private JsonNode awaitJob(URI location, long deadline) throws Exception {
        while (true) {
            JsonNode job = json.readTree(client.send(
                            HttpRequest.newBuilder(location)
                                    .timeout(CLIENT_TIMEOUT)
                                    .header("Authorization", "Bearer " + adminToken)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if (!"RUNNING".equals(job.path("status").asText()) || System.nanoTime() > deadline) {
                return job;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private long count(String database, String sql) throws Exception {
        try (Connection connection = postgres.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String scaleQueryUrl(int index) {
        return "http://127.0.0.1:" + (portBase + 5 + index);
    }

    private Service startScaleQuery(String name, int index, String database) throws IOException {
        int port = portBase + 5 + index;
        Map<String, String> env = serviceEnv(port, port + 50);
        env.put("LEDGER_QUERY_DB_URL", postgres.jdbcUrl(database));
        return startService(
                name,
                queryJar,
                env,
                port,
                List.of("-Dledger.tokens.node-id=" + name, "-Dledger.rebuild.progress-interval=200ms"));
    }

    // ---- processes ----------------------------------------------------------------------------------------------

    private int pgPort() {
        return portBase + 30;
    }

    private int kafkaPort() {
        return portBase + 12;
    }

    private String commandUrl(String name) {
        return "http://127.0.0.1:" + (portBase + (name.endsWith("a") ? 1 : 2));
    }

    private String queryUrl(String name) {
        return "http://127.0.0.1:" + (portBase + (name.endsWith("a") ? 3 : 4));
    }

    private void startBroker() throws IOException {
        Map<String, String> env = Map.of(
                "LEDGER_DATA_DIR", work.resolve("broker").toString(),
                "LEDGER_KAFKA_PORT", Integer.toString(kafkaPort()),
                "LEDGER_KAFKA_CONTROLLER_PORT", Integer.toString(kafkaPort() + 1));
        broker = Service.start(
                "broker",
                List.of(
                        "java",
                        "-Xms256m",
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-Daxoniq.update-checker.disabled=true",
                        "-jar",
                        localJar.toString(),
                        "--broker-only"),
                env,
                work.resolve("broker.log"),
                null);
        broker.awaitLog("Kafka broker up", Duration.ofSeconds(120));
    }

    private Service startCommand(String name) throws IOException {
        int port = portBase + (name.endsWith("a") ? 1 : 2);
        Map<String, String> env = serviceEnv(port, port + 50);
        env.put("LEDGER_COMMAND_DB_URL", postgres.jdbcUrl("ledger_f_command"));
        env.put("LEDGER_SEAL_KEY_FILE", work.resolve("seal-key.pem").toString());
        env.put("LEDGER_SEAL_KEY_GENERATE", "true");
        return startService(name, commandJar, env, port, List.of("-Dledger.publisher.node-id=" + name));
    }

    private Service startQuery(String name) throws IOException {
        int port = portBase + (name.endsWith("a") ? 3 : 4);
        Map<String, String> env = serviceEnv(port, port + 50);
        env.put("LEDGER_QUERY_DB_URL", postgres.jdbcUrl("ledger_f_query"));
        return startService(name, queryJar, env, port, List.of("-Dledger.tokens.node-id=" + name));
    }

    private Map<String, String> serviceEnv(int port, int managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put("LEDGER_COMMAND_PORT", Integer.toString(port));
        env.put("LEDGER_QUERY_PORT", Integer.toString(port));
        env.put("LEDGER_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("LEDGER_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort());
        env.put("LEDGER_JWT_SECRET", secret);
        env.put("LEDGER_RECORD_KEYS", recordKeys);
        // the suite's own PostgreSQL asks every login for its password
        for (String service : List.of("COMMAND", "QUERY")) {
            env.put("LEDGER_" + service + "_DB_USER", LocalPostgres.USER);
            env.put("LEDGER_" + service + "_DB_PASSWORD", postgres.superuserPassword());
        }
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return env;
    }

    private Service startService(String name, Path jar, Map<String, String> env, int port, List<String> properties)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(List.of(SERVICE_JAVA_OPTS.split(" ")));
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        log("starting " + name + " on :" + port);
        return Service.start(name, command, env, work.resolve(name + ".log"), "http://127.0.0.1:" + port + "/readyz");
    }

    private List<Service> all() {
        List<Service> all = new ArrayList<>(commands.values());
        all.addAll(queries.values());
        return all;
    }

    private synchronized void stopAll() {
        if (!running.getAndSet(false) && stopped) {
            return;
        }
        stopped = true;
        for (Service service : all()) {
            service.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private String publisherOwner() throws Exception {
        try (Connection connection = postgres.connect("ledger_f_command");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT owner FROM token_entry WHERE processor_name = 'kafka-publisher' AND segment = 0")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Which instances hold token claims in {@code database}, by processor. */
    private Map<String, List<String>> tokenOwners(String database) throws Exception {
        Map<String, List<String>> owners = new TreeMap<>();
        try (Connection connection = postgres.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT processor_name, owner FROM token_entry"
                        + " WHERE owner IS NOT NULL ORDER BY processor_name, segment")) {
            while (rows.next()) {
                owners.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }
        return owners;
    }

    private String awaitOwnerOtherThan(String owner, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String now = publisherOwner();
            if (now != null && !now.equals(owner)) {
                return now;
            }
            sleep(Duration.ofMillis(100));
        }
        return null;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.version"));
        try {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .orElse("unknown");
            machine.put("cpu", model);
            machine.put(
                    "loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException e) {
            machine.put("cpu", "unknown");
        }
        return machine;
    }

    /** One process the suite started, with its log. */
    private static final class Service {
        final String name;
        final Process process;
        final Path log;
        final String readyUrl;

        private Service(String name, Process process, Path log, String readyUrl) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.readyUrl = readyUrl;
        }

        static Service start(String name, List<String> command, Map<String, String> env, Path log, String readyUrl)
                throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new Service(name, builder.start(), log, readyUrl);
        }

        void awaitReady(Duration timeout) {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + log);
                }
                try {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(URI.create(readyUrl))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sleep(Duration.ofMillis(500));
            }
            throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
        }

        void awaitLog(String line, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.exists(log) && Files.readString(log).contains(line)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + log);
                }
                sleep(Duration.ofMillis(500));
            }
            throw new IllegalStateException(name + " did not log '" + line + "' within " + timeout);
        }

        /** {@code kill -9}. */
        void kill() {
            log("kill -9 " + name + " (pid " + process.pid() + ")");
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }

        /** {@code SIGTERM}, and {@code SIGKILL} if it has not ended within 60 s. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            if (!waitFor(Duration.ofSeconds(60))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(30));
            }
        }

        void signal(String signal) throws IOException, InterruptedException {
            log("kill -" + signal + " " + name + " (pid " + process.pid() + ")");
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        }

        private boolean waitFor(Duration timeout) {
            try {
                return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void log(String message) {
        System.out.printf("[%tT] %s%n", new java.util.Date(), message);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
