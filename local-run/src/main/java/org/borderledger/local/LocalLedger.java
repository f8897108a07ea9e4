package org.borderledger.local;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.borderledger.command.CommandServiceApplication;
import org.borderledger.postgres.LocalPostgres;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.query.console.DemoSignIn;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
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

    private final LocalSettings settings;
    private final DemoTokens tokens;
    private final LocalDataDir dataDir;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final DemoSignIn demoSignIn;
    private LocalPostgres postgres;
    private LocalDatabases databases;
    private LocalKafkaBroker broker;
    private ConfigurableApplicationContext commandService;
    private ConfigurableApplicationContext queryService;

    private LocalLedger(LocalSettings settings, DemoTokens tokens, LocalDataDir dataDir) {
        this.settings = settings;
        this.tokens = tokens;
        this.dataDir = dataDir;
        this.demoSignIn = new DemoSignIn(settings.tokensFile(), settings.queryPort(), Clock.systemUTC());
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        int exit = run(List.of(args), System.getenv());
        if (exit != RUNNING) {
            System.exit(exit);
        }
    }

    /** What {@link #run} answers while the ledger runs: the JVM lives on until it is stopped. */
    static final int RUNNING = -1;

    private static int run(List<String> args, Map<String, String> env) {
        LocalOptions options;
        LocalSettings settings;
        try {
            options = LocalOptions.parse(args);
            if (options.help()) {
                System.out.print(LocalOptions.usage());
                return 0;
            }
            settings = LocalSettings.fromEnvironment(env);
        } catch (LocalRunRefused e) {
            System.err.println("run-local: " + e.getMessage());
            return 2;
        }
        System.setProperty("ledger.log.dir", settings.logDir().toString());
        try {
            if (options.brokerOnly()) {
                LocalPorts.refuseTaken(LocalPorts.broker(settings), settings.bindAddress());
                runBrokerOnly(settings);
                return 0;
            }
            if (options.reset() && !confirmReset(settings.dataDir(), options.yes())) {
                return 1;
            }
            LocalDataDir dataDir = LocalDataDir.open(settings.dataDir());
            if (options.resetTokens()) {
                try {
                    System.out.println("Tokens issued before " + resetTokens(settings) + " are refused from now on");
                } catch (IOException | RuntimeException e) {
                    dataDir.close();
                    throw e;
                }
            }
            ConsoleLogFilter.mode(options.verbose() ? ConsoleLogFilter.Mode.VERBOSE : ConsoleLogFilter.Mode.STARTING);
            System.out.println("Starting the Border Cooperation Ledger " + version() + " on " + settings.dataDir()
                    + " (log: " + settings.logDir().resolve("ledger.log") + ")");
            LocalLedger ledger = start(settings, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(ledger::close, "local-ledger-shutdown"));
            ConsoleLogFilter.mode(options.verbose() ? ConsoleLogFilter.Mode.VERBOSE : ConsoleLogFilter.Mode.RUNNING);
            if (options.demo()) {
                long position = ledger.recordDemoData();
                System.out.println("Demo facts of the seed reports recorded (up to position " + position + "):");
                System.out.println(ledger.statistics(position, "2014-01-01", "2014-12-31"));
                System.out.println(ledger.statistics(position, "2022-01-01", "2023-12-31"));
            }
            if (options.printTokens()) {
                System.out.print(ledger.tokens.describe());
            }
            System.out.println(ledger.banner());
            ledger.offerSignInLinks();
            return RUNNING;
        } catch (Exception e) {
            System.err.println("run-local: " + failure(e, settings));
            return 1;
        }
    }

    /** The one line that tells why the run did not start. */
    static String failure(Throwable e, LocalSettings settings) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LocalRunRefused refused) {
                return refused.getMessage();
            }
            if (cause instanceof PortInUseException inUse) {
                return LocalPorts.of(settings).stream()
                        .filter(port -> port.number() == inUse.getPort())
                        .findFirst()
                        .map(LocalPorts.Port::refusal)
                        .orElse("Port " + inUse.getPort() + " is in use");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "The ledger did not start: " + reason.lines().findFirst().orElse("") + " (the full log is "
                + settings.logDir().resolve("ledger.log") + "; --verbose shows it here)";
    }

    /** Asks on the terminal before {@code --reset} deletes the data dir, unless {@code --yes} confirmed it. */
    private static boolean confirmReset(Path dataDir, boolean confirmed) throws IOException {
        if (!Files.exists(dataDir)) {
            return true;
        }
        if (!confirmed) {
            Console console = System.console();
            String answer = console == null
                    ? null
                    : console.readLine(
                            "--reset deletes everything in %s (events, read models, keys, tokens, logs). Type yes to"
                                    + " go on: ",
                            dataDir);
            if (answer == null) {
                System.err.println("run-local: --reset deletes everything in " + dataDir
                        + "; confirm it on a terminal, or add --yes");
                return false;
            }
            if (!answer.strip().equalsIgnoreCase("yes")) {
                System.err.println("run-local: nothing deleted");
                return false;
            }
        }
        LocalDataDir.wipe(dataDir);
        System.out.println("Deleted everything in " + dataDir);
        return true;
    }

    /**
     * {@code --broker-only}: only the Kafka broker, in this process, until the process is stopped; the services run
     * elsewhere (the benchmark starts each in its own JVM so that each one's memory can be read).
     */
    private static void runBrokerOnly(LocalSettings settings) throws IOException, InterruptedException {
        LocalKafkaBroker broker = LocalKafkaBroker.start(
                settings.dataDir().resolve("kafka"),
                settings.bindAddress(),
                settings.connectAddress(),
                settings.kafkaPort(),
                settings.kafkaControllerPort());
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

    /**
     * {@code --reset-tokens}: from now on both services refuse every token issued before this moment (whole seconds, as
     * {@code iat} counts them), kept in the data dir so that later starts keep refusing them.
     */
    static Instant resetTokens(LocalSettings settings) throws IOException {
        Instant cutOff = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDataDir.writeSecret(
                settings.tokensNotBeforeFile(), cutOff.toString().getBytes(StandardCharsets.US_ASCII));
        return cutOff;
    }

    /** The cut-off of the last {@code --reset-tokens}, as the services' setting; none when tokens were never reset. */
    private static String tokensNotBefore(LocalSettings settings) throws IOException {
        Path file = settings.tokensNotBeforeFile();
        return Files.exists(file)
                ? Instant.parse(Files.readString(file).strip()).toString()
                : "";
    }

    /** A new one-time link that opens the demo identities in the console (a browser on this machine only). */
    URI signInLink() {
        return demoSignIn.newLink();
    }

    /**
     * Prints another one-time sign-in link for the console (the banner has the first) each time Enter is pressed on
     * the terminal (a link opens the demo identities once, within {@link DemoSignIn#LINK_LIFETIME}).
     */
    private void offerSignInLinks() {
        if (System.console() == null) {
            return;
        }
        System.out.println("Press Enter for another sign-in link.");
        Thread links = new Thread(
                () -> {
                    var terminal = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    try {
                        while (terminal.readLine() != null) {
                            System.out.println("  " + signInLink());
                        }
                    } catch (IOException | RuntimeException closed) {
                        // no terminal any more: no more links
                    }
                },
                "sign-in-links");
        links.setDaemon(true);
        links.start();
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
        return start(settings, LocalDataDir.open(settings.dataDir()));
    }

    /** Starts the ledger on a data dir already opened (locked); closing the ledger releases it. */
    static LocalLedger start(LocalSettings settings, LocalDataDir dataDir) throws IOException {
        LocalLedger ledger;
        String secret;
        String recordKeys;
        String notBefore;
        try {
            LocalPorts.refuseTaken(settings);
            secret = DemoTokens.secret(settings.jwtSecret(), settings.dataDir());
            recordKeys = LocalRecordKeys.keys(System.getenv("LEDGER_RECORD_KEYS"), settings.dataDir());
            notBefore = tokensNotBefore(settings);
            ledger = new LocalLedger(settings, DemoTokens.issue(secret), dataDir);
            ledger.tokens.write(settings.tokensFile());
        } catch (RuntimeException | IOException e) {
            dataDir.close();
            throw e;
        }
        try {
            if (settings.embeddedPostgres()) {
                ledger.postgres = LocalPostgres.start(
                        settings.postgresDataDir(),
                        settings.bindAddress(),
                        settings.postgresPort(),
                        settings.postgresLog());
                ledger.databases = LocalDatabases.prepare(ledger.postgres, settings.dataDir());
            }
            String bootstrap = settings.externalKafkaBootstrap();
            if (settings.embeddedKafka()) {
                ledger.startBroker();
                bootstrap = ledger.broker.bootstrapServers();
            }
            ledger.commandService = service(
                    CommandServiceApplication.class,
                    CommandServiceApplication.CONFIG_NAME,
                    settings,
                    settings.commandPort(),
                    ledger.database(settings.commandDbUrl(), COMMAND_DATABASE),
                    bootstrap,
                    secret,
                    recordKeys,
                    notBefore,
                    null,
                    withConsoleOrigins(sealKey(settings.dataDir()), settings.queryPort()));
            ledger.started.add(ledger.commandService);
            ledger.queryService = service(
                    QueryServiceApplication.class,
                    QueryServiceApplication.CONFIG_NAME,
                    settings,
                    settings.queryPort(),
                    ledger.database(settings.queryDbUrl(), QUERY_DATABASE),
                    bootstrap,
                    secret,
                    recordKeys,
                    notBefore,
                    ledger.demoSignIn,
                    "--ledger.console.command-port=" + settings.commandPort());
            ledger.started.add(ledger.queryService);
            return ledger;
        } catch (RuntimeException | IOException e) {
            ledger.close();
            throw e;
        }
    }

    /**
     * Where a service's database is and who logs in: the configured URL (its user from the service's settings), or a
     * database on the embedded server with the service's runtime role, its migrations run by the owner.
     */
    private record Database(String url, LocalDatabases.Login login) {}

    private Database database(String configuredUrl, String embeddedName) {
        if (configuredUrl != null) {
            return new Database(configuredUrl, null);
        }
        return new Database(
                postgres.jdbcUrl(embeddedName),
                embeddedName.equals(COMMAND_DATABASE) ? databases.command() : databases.query());
    }

    /**
     * Starts one service with its HTTP listener on the run's bind address and its management port on loopback;
     * {@code demoSignIn}, when given, is the query service's (no setting turns it on).
     */
    private static ConfigurableApplicationContext service(
            Class<?> application,
            String configName,
            LocalSettings settings,
            int port,
            Database database,
            String bootstrap,
            String jwtSecret,
            String recordKeys,
            String tokensNotBefore,
            DemoSignIn demoSignIn,
            String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + settings.bindAddress(),
                "--ledger.security.tokens-not-before=" + tokensNotBefore,
                // the actuator (Prometheus, health) 1000 above the HTTP port, on the loopback interface only
                "--management.server.port=" + (port + 1000),
                "--management.server.address=127.0.0.1",
                "--spring.datasource.url=" + database.url(),
                "--axon.kafka.bootstrap-servers=" + bootstrap,
                "--ledger.security.jwt-secret=" + jwtSecret,
                "--ledger.records.keys=" + recordKeys));
        args.addAll(List.of(more));
        if (database.login() != null) {
            args.add("--spring.datasource.username=" + database.login().user());
            args.add("--spring.datasource.password=" + database.login().password());
            args.add("--spring.flyway.user=" + database.login().migrationUser());
            args.add("--spring.flyway.password=" + database.login().migrationPassword());
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application);
        if (demoSignIn != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("demoSignIn", demoSignIn));
        }
        return builder.bannerMode(Banner.Mode.OFF)
                .properties("spring.config.name=" + configName)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * The command service lets the console, served by the query service, call it from a browser: the query service's
     * own origins, unless {@code LEDGER_CONSOLE_ORIGINS} names others.
     */
    private static String[] withConsoleOrigins(String[] args, int queryPort) {
        if (!System.getenv().getOrDefault("LEDGER_CONSOLE_ORIGINS", "").isBlank()) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--ledger.console.allowed-origins=http://localhost:" + queryPort + ",http://127.0.0.1:" + queryPort);
        return all.toArray(String[]::new);
    }

    /**
     * The command service's seal signing key: unless {@code LEDGER_SEAL_KEY} or {@code LEDGER_SEAL_KEY_FILE} names
     * one, the file {@code seal-key.pem} in the data dir, generated (owner-only, its public key in
     * {@code seal-key.pub.pem} beside it) on the first start.
     */
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
                settings.dataDir().resolve("kafka"),
                settings.bindAddress(),
                settings.connectAddress(),
                settings.kafkaPort(),
                settings.kafkaControllerPort());
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

    /** The block printed once the ledger is up: where to go, how to sign in, where the data is, how to stop. */
    String banner() {
        String command = "http://localhost:" + settings.commandPort();
        String query = "http://localhost:" + settings.queryPort();
        String kafka = settings.embeddedKafka()
                ? settings.connectAddress() + ":" + settings.kafkaPort()
                : settings.externalKafkaBootstrap();
        String database = postgres != null
                ? settings.connectAddress() + ":" + postgres.port()
                : "LEDGER_COMMAND_DB_URL, LEDGER_QUERY_DB_URL";
        List<String> lines = new ArrayList<>(List.of(
                "",
                "Border Cooperation Ledger " + version() + " is up.",
                "  Console      " + query + "/",
                "  Sign in      open the sign-in link below, then pick a demo identity (Kiên Giang unit, Kampot unit,"
                        + " auditor, admin)",
                "  Tokens       " + settings.tokensFile() + "   (for curl, valid " + DemoTokens.LIFETIME.toHours()
                        + " hours; --print-tokens prints them, --reset-tokens revokes all)",
                "  Command API  " + command + "/api   Swagger UI " + command + "/swagger-ui.html",
                "  Query API    " + query + "/api   Swagger UI " + query + "/swagger-ui.html",
                "  Management   http://127.0.0.1:" + (settings.commandPort() + 1000) + "/actuator   http://127.0.0.1:"
                        + (settings.queryPort() + 1000) + "/actuator",
                "  Data         " + settings.dataDir() + "   logs in " + settings.logDir(),
                "  Runs on      PostgreSQL " + database + ", Kafka " + kafka + " (topic ledger.events)"));
        Path sealPublicKey = settings.dataDir().resolve("seal-key.pub.pem");
        if (Files.exists(sealPublicKey)) {
            lines.add("  Seal key     " + sealPublicKey + "   (for the offline check, ledger-verify)");
        }
        lines.add("Sign-in link (opens the demo identities once, within " + DemoSignIn.LINK_LIFETIME.toMinutes()
                + " minutes, in a browser on this machine):");
        lines.add("  " + signInLink());
        lines.add("Stop with Ctrl-C.");
        return String.join(System.lineSeparator(), lines);
    }

    /** This build's version, from the jar's manifest. */
    static String version() {
        String version = LocalLedger.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** Closes the services, then the broker, then PostgreSQL. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LoggerFactory.getLogger(LocalLedger.class)
                        .warn("Shutting down {} failed: {}", started.get(i), e.toString());
            }
        }
        started.clear();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        dataDir.close();
    }
}
