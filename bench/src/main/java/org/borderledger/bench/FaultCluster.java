package org.borderledger.bench;

import static org.borderledger.bench.FaultSuite.log;
import static org.borderledger.bench.FaultSuite.sleep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.borderledger.postgres.LocalPostgres;

/**
 * The processes of a fault run, each its own: a PostgreSQL server of the run's own, a Kafka broker (local-run
 * {@code --broker-only}), two command-service instances sharing one event store and two query-service instances sharing
 * one read-model database, on ports from {@code portBase}; what the faults do to them (kill, stop, restart, pause) and
 * what they ask of the databases (who holds the publisher's and the projections' tokens, counts).
 */
final class FaultCluster implements AutoCloseable {

    static final String SERVICE_JAVA_OPTS = "-Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k"
            + " -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1";
    /**
     * The pause the query instances keep between two replays or consistency checks of one read-model database: short,
     * so that the run's checks of both instances (one database) meet it and wait as its {@code Retry-After} says.
     */
    static final Duration REBUILD_COOLDOWN = Duration.ofSeconds(5);

    static final String COMMAND_DB = "ledger_f_command";
    static final String QUERY_DB = "ledger_f_query";

    private final Path work;
    private final Path commandJar;
    private final Path queryJar;
    private final Path localJar;
    private final int portBase;
    private final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final String recordKeys = "faults="
            + Base64.getEncoder()
                    .encodeToString((UUID.randomUUID() + "" + UUID.randomUUID())
                            .substring(0, 40)
                            .getBytes());

    private LocalPostgres postgres;
    private Service broker;
    private final Map<String, Service> commands = new LinkedHashMap<>();
    private final Map<String, Service> queries = new LinkedHashMap<>();
    private boolean closed;

    FaultCluster(Path work, Path commandJar, Path queryJar, Path localJar, int portBase) {
        this.work = work;
        this.commandJar = commandJar;
        this.queryJar = queryJar;
        this.localJar = localJar;
        this.portBase = portBase;
    }

    /** The secret the services check tokens with. */
    String secret() {
        return secret;
    }

    /** Starts every process and waits until each is ready. */
    void start() throws IOException {
        log("PostgreSQL of the suite's own on 127.0.0.1:" + pgPort() + ", data in " + work.resolve("postgres"));
        postgres = LocalPostgres.start(work.resolve("postgres"), pgPort(), work.resolve("postgres.log"));
        postgres.createDatabaseIfMissing(COMMAND_DB);
        postgres.createDatabaseIfMissing(QUERY_DB);
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
    }

    /** The command instances' names, in the order they started. */
    List<String> commandNames() {
        return new ArrayList<>(commands.keySet());
    }

    /** The query instances' names, in the order they started. */
    List<String> queryNames() {
        return new ArrayList<>(queries.keySet());
    }

    String commandUrl(String name) {
        return "http://127.0.0.1:" + (portBase + (name.endsWith("a") ? 1 : 2));
    }

    String queryUrl(String name) {
        return "http://127.0.0.1:" + (portBase + (name.endsWith("a") ? 3 : 4));
    }

    // ---- faults -------------------------------------------------------------------------------------------------

    void killCommand(String name) {
        commands.get(name).kill();
    }

    void killQuery(String name) {
        queries.get(name).kill();
    }

    /** Starts the named query instance again; waiting for it is the caller's. */
    void restartQuery(String name) throws IOException {
        queries.put(name, startQuery(name));
    }

    void awaitQueryReady(String name, Duration timeout) {
        queries.get(name).awaitReady(timeout);
    }

    void stopQueries() {
        queries.values().forEach(Service::stop);
    }

    void stopBroker() {
        broker.stop();
    }

    void startBroker() throws IOException {
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

    /** Sends {@code signal} ({@code STOP}, {@code CONT}) to the broker. */
    void signalBroker(String signal) throws IOException, InterruptedException {
        broker.signal(signal);
    }

    /** Kills PostgreSQL ({@code kill -9} of its server) and starts it again on the same data after 3 s. */
    void killAndRestartPostgres() throws IOException {
        postgres.discard();
        postgres.close();
        sleep(Duration.ofSeconds(3));
        postgres = LocalPostgres.start(work.resolve("postgres"), pgPort(), work.resolve("postgres.log"));
    }

    // ---- read-side scaling ---------------------------------------------------------------------------------------

    void createDatabase(String database) {
        postgres.createDatabaseIfMissing(database);
    }

    /** A query instance of its own on {@code database}, the {@code index}-th of a scaling step. */
    Service startScaleQuery(String name, int index, String database) throws IOException {
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

    String scaleQueryUrl(int index) {
        return "http://127.0.0.1:" + (portBase + 5 + index);
    }

    // ---- what the databases say ------------------------------------------------------------------------------------

    Connection connect(String database) throws java.sql.SQLException {
        return postgres.connect(database);
    }

    long count(String database, String sql) throws Exception {
        try (Connection connection = postgres.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The command instance that holds the publisher's token. */
    String publisherOwner() throws Exception {
        try (Connection connection = postgres.connect(COMMAND_DB);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT owner FROM token_entry WHERE processor_name = 'kafka-publisher' AND segment = 0")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Which instances hold token claims in {@code database}, by processor. */
    Map<String, List<String>> tokenOwners(String database) throws Exception {
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

    /** The publisher's new owner once it is not {@code owner}; null when none took over within {@code timeout}. */
    String awaitPublisherOtherThan(String owner, Duration timeout) throws Exception {
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

    /** Stops every process the cluster started; once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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

    // ---- processes ----------------------------------------------------------------------------------------------

    private int pgPort() {
        return portBase + 30;
    }

    private int kafkaPort() {
        return portBase + 12;
    }

    private Service startCommand(String name) throws IOException {
        int port = portBase + (name.endsWith("a") ? 1 : 2);
        Map<String, String> env = serviceEnv(port, port + 50);
        env.put("LEDGER_COMMAND_DB_URL", postgres.jdbcUrl(COMMAND_DB));
        env.put("LEDGER_SEAL_KEY_FILE", work.resolve("seal-key.pem").toString());
        env.put("LEDGER_SEAL_KEY_GENERATE", "true");
        return startService(name, commandJar, env, port, List.of("-Dledger.publisher.node-id=" + name));
    }

    private Service startQuery(String name) throws IOException {
        int port = portBase + (name.endsWith("a") ? 3 : 4);
        Map<String, String> env = serviceEnv(port, port + 50);
        env.put("LEDGER_QUERY_DB_URL", postgres.jdbcUrl(QUERY_DB));
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
        env.put("LEDGER_REBUILD_COOLDOWN", REBUILD_COOLDOWN.toSeconds() + "s");
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

    /** One process the suite started, with its log. */
    static final class Service {
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
                return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
