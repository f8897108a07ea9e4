package org.borderledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.security.ReferenceUnits;

/**
 * The fault suite ({@code bench/faults.sh}), in the order it runs: the processes ({@link FaultCluster}), the load
 * ({@link FaultLoad}), steady phases with 1 and with 2 command instances and one paced, the faults one at a time
 * ({@link Faults}), the checks ({@link FaultChecks}: every acknowledged write in the store exactly once, the read models
 * equal to a fresh rebuild), and the read side's events/s with 1, 2 and 3 query instances on one database
 * ({@link ReadSideScaling}). Replays and checks are started as {@code ADMIN} ({@link AdminJobs}). Exit status 0 only
 * when nothing was lost or doubled, no answer was a 500 or a hang, the read models are consistent and every scaling
 * replay projected every event.
 */
public final class FaultSuite {

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final LedgerPrincipal ADMIN = ReferenceUnits.admin("faults-admin");

    private final boolean quick;
    private final Path work;
    private final int paceTotal;
    private final FaultCluster cluster;
    private final FaultLoad load;
    private final AdminJobs jobs;
    private final FaultChecks checks;

    private FaultSuite(Map<String, String> options) {
        this.quick = options.containsKey("quick");
        this.work = Path.of(required(options, "work")).toAbsolutePath();
        this.paceTotal = Integer.parseInt(options.getOrDefault("rate", "40"));
        this.cluster = new FaultCluster(
                work,
                Path.of(required(options, "command-jar")),
                Path.of(required(options, "query-jar")),
                Path.of(required(options, "local-jar")),
                Integer.parseInt(options.getOrDefault("port-base", "18400")));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        String keyPrefix = "faults-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.load = new FaultLoad(cluster, Units.Tokens.sign(cluster.secret()), client, keyPrefix);
        this.jobs =
                new AdminJobs(client, LedgerTokens.sign(cluster.secret(), ADMIN, Instant.now(), Duration.ofHours(3)));
        this.checks = new FaultChecks(cluster, load, jobs);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(prepend(args));
        FaultSuite suite = new FaultSuite(options);
        // every process the suite started ends with it, also when it is interrupted
        Runtime.getRuntime().addShutdownHook(new Thread(suite.cluster::close, "faults-stop"));
        int status;
        try {
            status = suite.run(options.get("out"));
        } finally {
            suite.cluster.close();
        }
        System.exit(status);
    }

    private static String[] prepend(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "faults";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    private int run(String out) throws Exception {
        Files.createDirectories(work);
        Instant started = Instant.now();
        cluster.start();
        log("all up after " + Duration.between(started, Instant.now()).toSeconds() + " s");

        load.start();
        Duration steady = Duration.ofSeconds(quick ? 15 : 60);
        sleep(Duration.ofSeconds(quick ? 15 : 30));
        load.writeTo("command-b", false);
        Map<String, Object> steady1 = load.steady("steady, 1 command instance", steady);
        load.writeTo("command-b", true);
        Map<String, Object> steady2 = load.steady("steady, 2 command instances", steady);
        load.pace(paceTotal);
        sleep(Duration.ofSeconds(5));
        Map<String, Object> paced = load.steady("steady, " + paceTotal + " writes/s, 2 command instances", steady);
        double normalP99 = ((Number) paced.get("e2eP99Ms")).doubleValue();

        List<Map<String, Object>> faults = new Faults(cluster, load, checks, quick).run(normalP99);
        load.stop();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", started.toString());
        result.put("mode", quick ? "quick" : "full");
        result.put("machine", machine());
        result.put("writers", FaultLoad.WRITERS);
        result.put("clientTimeoutS", CLIENT_TIMEOUT.toSeconds());
        result.put("serviceJavaOpts", FaultCluster.SERVICE_JAVA_OPTS);
        result.put("rebuildCooldownS", FaultCluster.REBUILD_COOLDOWN.toSeconds());
        result.put("steady", List.of(steady1, steady2, paced));
        result.put("faultLoadWritesPerS", paceTotal);
        result.put("faults", faults);
        Map<String, Object> store = checks.store();
        result.put("store", store);
        List<Map<String, Object>> consistency = new ArrayList<>();
        for (String name : cluster.queryNames()) {
            consistency.add(checks.consistency(name));
        }
        result.put("consistencyChecks", consistency);
        cluster.stopQueries();
        List<Map<String, Object>> readSide = new ReadSideScaling(cluster, jobs).run();
        result.put("readSideScaling", readSide);
        result.put("durationS", Duration.between(started, Instant.now()).toSeconds());

        boolean passed = store.get("missing").equals(0L)
                && store.get("doubled").equals(0L)
                && consistency.stream().allMatch(check -> Boolean.TRUE.equals(check.get("consistent")))
                && readSide.stream().allMatch(scale -> Boolean.TRUE.equals(scale.get("complete")));
        long serverErrors = 0;
        long hangs = 0;
        long bad503 = 0;
        List<Map<String, Object>> phases = new ArrayList<>(List.of(steady2, steady1, paced));
        phases.addAll(faults);
        for (Map<String, Object> p : phases) {
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

    // ---- helpers ------------------------------------------------------------------------------------------------

    static void log(String message) {
        System.out.printf("[%tT] %s%n", new java.util.Date(), message);
    }

    static void sleep(Duration duration) {
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
