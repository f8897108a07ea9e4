package org.borderledger.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.borderledger.command.CommandServiceApplication;
import org.borderledger.postgres.LocalPostgres;
import org.borderledger.query.QueryServiceApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./run-local.sh}: starts PostgreSQL on the data dir (unless both database URLs are given), the Kafka broker
 * (unless {@code LEDGER_KAFKA_BOOTSTRAP} names one), then the command service and the query service, each with its own
 * database. Ctrl-C closes them in reverse order, so the publisher finishes its batch and every token is stored before
 * the broker and then the database go.
 */
public final class LocalLedger implements AutoCloseable {

    static final String COMMAND_DATABASE = "ledger_command";
    static final String QUERY_DATABASE = "ledger_query";

    private static final Logger log = LoggerFactory.getLogger(LocalLedger.class);

    private final LocalSettings settings;
    private final DemoTokens tokens;
    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalPostgres postgres;
    private LocalKafkaBroker broker;
    private ConfigurableApplicationContext commandService;
    private ConfigurableApplicationContext queryService;

    private LocalLedger(LocalSettings settings, DemoTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (List.of(args).contains("--broker-only")) {
            runBrokerOnly(LocalSettings.fromEnvironment(System.getenv()));
            return;
        }
        LocalLedger ledger = start(LocalSettings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(ledger::close, "local-ledger-shutdown"));
        System.out.println(ledger.banner());
        System.out.println(ledger.tokens.describe());
        System.out.println("  (also in " + ledger.settings.dataDir().resolve("tokens.json") + ")");
        Path sealPublicKey = ledger.settings.dataDir().resolve("seal-key.pub.pem");
        if (Files.exists(sealPublicKey)) {
            System.out.println(
                    "Seals are signed; the public key for the offline check (ledger-verify) is " + sealPublicKey);
        }
        if (List.of(args).contains("--demo")) {
            long position = ledger.recordDemoData();
            System.out.println("Demo facts of the seed reports recorded (up to position " + position + ").");
            System.out.println(ledger.statistics(position, "2014-01-01", "2014-12-31"));
            System.out.println(ledger.statistics(position, "2022-01-01", "2023-12-31"));
        }
    }

    /**
     * {@code --broker-only}: only the Kafka broker, in this process, until the process is stopped; the services run
     * elsewhere (the benchmark starts each in its own JVM so that each one's memory can be read).
     */
    private static void runBrokerOnly(LocalSettings settings) throws IOException, InterruptedException {
        LocalKafkaBroker broker = LocalKafkaBroker.start(
                settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "local-broker-shutdown"));
        System.out.println("Kafka broker up on " + broker.bootstrapServers() + " (log under "
                + settings.dataDir().resolve("kafka") + "). Stop with Ctrl-C.");
        stopped.await();
    }

    /** Records the facts of the two seed reports; idempotent. */
    long recordDemoData() throws IOException, InterruptedException {
        return new DemoData(URI.create("http://localhost:" + settings.commandPort())).record(tokens);
    }

    /** {@code GET /api/statistics} of the query service, once it has read up to {@code position}. */
    String statistics(long position, String from, String to) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + settings.queryPort()
                                        + "/api/statistics?from=" + from + "&to=" + to + "&minPosition=" + position))
                                .header("Authorization", "Bearer " + tokens.auditor())
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return "GET /api/statistics?from=" + from + "&to=" + to + " -> " + response.statusCode() + " "
                + response.body();
    }

    static LocalLedger start(LocalSettings settings) throws IOException {
        Files.createDirectories(settings.dataDir());
        String secret = DemoTokens.secret(settings.jwtSecret(), settings.dataDir());
        String recordKeys = LocalRecordKeys.keys(System.getenv("LEDGER_RECORD_KEYS"), settings.dataDir());
        LocalLedger ledger = new LocalLedger(settings, DemoTokens.issue(secret));
        ledger.tokens.write(settings.dataDir().resolve("tokens.json"));
        try {
            if (settings.embeddedPostgres()) {
                ledger.postgres = LocalPostgres.start(
                        settings.postgresDataDir(), settings.postgresPort(), settings.postgresLog());
            }
            String bootstrap = settings.externalKafkaBootstrap();
            if (settings.embeddedKafka()) {
                ledger.startBroker();
                bootstrap = ledger.broker.bootstrapServers();
            }
            ledger.commandService = service(
                    CommandServiceApplication.class,
                    CommandServiceApplication.CONFIG_NAME,
                    settings.commandPort(),
                    ledger.database(settings.commandDbUrl(), COMMAND_DATABASE),
                    bootstrap,
                    secret,
                    recordKeys,
                    withConsoleOrigins(sealKey(settings.dataDir()), settings.queryPort()));
            ledger.started.add(ledger.commandService);
            ledger.queryService = service(
                    QueryServiceApplication.class,
                    QueryServiceApplication.CONFIG_NAME,
                    settings.queryPort(),
                    ledger.database(settings.queryDbUrl(), QUERY_DATABASE),
                    bootstrap,
                    secret,
                    recordKeys,
                    "--ledger.console.command-port=" + settings.commandPort(),
                    "--ledger.console.demo-tokens=" + settings.dataDir().resolve("tokens.json"));
            ledger.started.add(ledger.queryService);
            return ledger;
        } catch (RuntimeException | IOException e) {
            ledger.close();
            throw e;
        }
    }

    /** Where a service's database is: the configured URL, or a database on the embedded server. */
    private record Database(String url, String user, String password) {}

    private Database database(String configuredUrl, String embeddedName) {
        if (configuredUrl != null) {
            return new Database(configuredUrl, null, null);
        }
        postgres.createDatabaseIfMissing(embeddedName);
        return new Database(postgres.jdbcUrl(embeddedName), LocalPostgres.USER, "");
    }

    private static ConfigurableApplicationContext service(
            Class<?> application,
            String configName,
            int port,
            Database database,
            String bootstrap,
            String jwtSecret,
            String recordKeys,
            String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--axon.kafka.bootstrap-servers=" + bootstrap,
                "--ledger.security.jwt-secret=" + jwtSecret,
                "--ledger.records.keys=" + recordKeys));
        args.addAll(List.of(more));
        if (database.user() != null) {
            args.add("--spring.datasource.username=" + database.user());
            args.add("--spring.datasource.password=" + database.password());
        }
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + configName)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * The command service's seal signing key: unless {@code LEDGER_SEAL_KEY} or {@code LEDGER_SEAL_KEY_FILE} names
     * one, the file {@code seal-key.pem} in the data dir, generated (owner-only, its public key in
     * {@code seal-key.pub.pem} beside it) on the first start.
     */
    /** The command service lets the console, served by the query service, call it from a browser. */
    private static String[] withConsoleOrigins(String[] args, int queryPort) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--ledger.console.allowed-origins=http://localhost:" + queryPort + ",http://127.0.0.1:" + queryPort);
        return all.toArray(String[]::new);
    }

    private static String[] sealKey(Path dataDir) {
        Map<String, String> env = System.getenv();
        if (!env.getOrDefault("LEDGER_SEAL_KEY", "").isBlank()
                || !env.getOrDefault("LEDGER_SEAL_KEY_FILE", "").isBlank()) {
            return new String[0];
        }
        return new String[] {
            "--ledger.audit.signing.key-file=" + dataDir.resolve("seal-key.pem"), "--ledger.audit.signing.generate=true"
        };
    }

    /** Starts the in-process broker on its port and log dir; again after {@link #stopBroker()}, as after an outage. */
    synchronized void startBroker() throws IOException {
        broker = LocalKafkaBroker.start(
                settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        started.add(0, () -> broker.close());
    }

    /** Stops the in-process broker while the services keep running: a broker outage. */
    synchronized void stopBroker() {
        started.remove(0);
        broker.close();
    }

    ConfigurableApplicationContext commandService() {
        return commandService;
    }

    ConfigurableApplicationContext queryService() {
        return queryService;
    }

    DemoTokens tokens() {
        return tokens;
    }

    String banner() {
        String command = "http://localhost:" + settings.commandPort();
        String query = "http://localhost:" + settings.queryPort();
        String kafka = settings.embeddedKafka()
                ? "127.0.0.1:" + settings.kafkaPort() + " (in-process KRaft broker)"
                : settings.externalKafkaBootstrap();
        String database = postgres != null
                ? "127.0.0.1:" + postgres.port() + " (" + COMMAND_DATABASE + ", " + QUERY_DATABASE + "; data in "
                        + postgres.dataDirectory() + ", log " + settings.postgresLog() + ")"
                : "as configured (LEDGER_COMMAND_DB_URL, LEDGER_QUERY_DB_URL)";
        return String.join(
                System.lineSeparator(),
                "",
                "Border Cooperation Ledger is up. Data: " + settings.dataDir(),
                "  console          " + query + "/   (sign in with a demo identity below, or paste a token)",
                "  command-service  " + command + "/api   Swagger UI " + command + "/swagger-ui.html   health "
                        + command + "/actuator/health",
                "  query-service    " + query + "/api   Swagger UI " + query + "/swagger-ui.html   health " + query
                        + "/actuator/health",
                "  Kafka            " + kafka + "   topic ledger.events (CloudEvents)",
                "  PostgreSQL       " + database,
                "Stop with Ctrl-C.",
                "");
    }

    /** Closes the services, then the broker, then PostgreSQL. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("Shutting down {} failed: {}", started.get(i), e.toString());
            }
        }
        started.clear();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
