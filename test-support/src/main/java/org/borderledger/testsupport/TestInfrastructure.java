package org.borderledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.borderledger.postgres.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, each started when first asked for. Which PostgreSQL is
 * chosen once and logged: where Docker runs, Testcontainers (pinned images, the broker too); else the server at
 * {@code LEDGER_TEST_PG_URL} when that is set and answers; else a PostgreSQL server of this JVM's own, from the
 * binaries that come with the build ({@link LocalPostgres}). {@code LEDGER_TEST_DB=embedded} (or {@code url},
 * {@code docker}) forces one. Without Docker the broker is an in-process KRaft broker. Either way every service gets a
 * database created for this run and dropped when the JVM ends, and the broker is new, so no token outlives its topic.
 */
public final class TestInfrastructure {

    public static final String POSTGRES_IMAGE = "postgres:15.8-alpine";
    public static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    /** The HS256 secret the services under test accept; tests sign their tokens with it. */
    public static final String JWT_SECRET = "integration-tests-only-secret-0123456789abcdef";

    /** The key that signs and verifies topic records in the tests: {@code ledger.records.keys}. */
    public static final String RECORD_KEY_ID = "it1";

    public static final byte[] RECORD_SECRET =
            "integration-tests-only-record-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    public static final String RECORD_KEYS =
            RECORD_KEY_ID + "=" + java.util.Base64.getEncoder().encodeToString(RECORD_SECRET);

    /** Where the tests' PostgreSQL comes from. */
    public enum Source {
        DOCKER,
        URL,
        EMBEDDED
    }

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger copies = new AtomicInteger();
    private final Map<String, String> databases = new ConcurrentHashMap<>();
    private final List<Runnable> cleanup = new ArrayList<>();
    private final Source source;
    private Server server;
    private String kafkaBootstrap;

    /** A running PostgreSQL server: where to create databases, and as whom. */
    private record Server(String adminUrl, String user, String password) {}

    private TestInfrastructure() {
        source = chooseSource();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "test-infrastructure-cleanup"));
    }

    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = new TestInfrastructure();
                }
            }
        }
        return instance;
    }

    public Source source() {
        return source;
    }

    /** A JDBC URL of a database created for this test run under {@code name}; the same name gives the same database. */
    public String database(String name) {
        return databases.computeIfAbsent(name, key -> createDatabase(key, null));
    }

    /**
     * A new database for this run, a copy of the database {@link #database(String) database(template)} as it is now.
     * The template must have no open connection.
     */
    public String copyOf(String template) {
        String source = databaseName(database(template));
        return createDatabase(template + "_copy_" + copies.incrementAndGet(), source);
    }

    public String user() {
        return server().user();
    }

    public String password() {
        return server().password();
    }

    public synchronized String kafkaBootstrap() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = source == Source.DOCKER ? kafkaContainer() : inProcessKafka();
        }
        return kafkaBootstrap;
    }

    private synchronized Server server() {
        if (server == null) {
            server = switch (source) {
                case DOCKER -> postgresContainer();
                case URL -> new Server(
                        System.getenv("LEDGER_TEST_PG_URL"),
                        env("LEDGER_TEST_PG_USER", "postgres"),
                        env("LEDGER_TEST_PG_PASSWORD", ""));
                case EMBEDDED -> embeddedPostgres();
            };
        }
        return server;
    }

    private Server postgresContainer() {
        log.info("Integration tests use Testcontainers: {}", POSTGRES_IMAGE);
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
        postgres.start();
        cleanup.add(postgres::stop);
        return new Server(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private String kafkaContainer() {
        log.info("Integration tests use Testcontainers: {}", KAFKA_IMAGE);
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        kafka.start();
        cleanup.add(0, kafka::stop);
        return kafka.getBootstrapServers();
    }

    private String inProcessKafka() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.afterPropertiesSet();
        cleanup.add(0, kafka::destroy);
        log.info("Integration tests use an in-process KRaft broker at {}", kafka.getBrokersAsString());
        return kafka.getBrokersAsString();
    }

    /**
     * A server of this JVM's own, in a directory of its own under {@code java.io.tmpdir/embedded-pg} (the data, the
     * superuser's password file beside it, the log), all removed at the end. Its data is thrown away, so it is killed
     * rather than stopped (no shutdown checkpoint to wait for).
     */
    private Server embeddedPostgres() {
        Path run = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg", "ledger-test-" + runId);
        Path data = run.resolve("postgres");
        Path logFile = run.resolve("postgres.log");
        LocalPostgres postgres;
        try {
            Files.createDirectories(run);
            postgres = LocalPostgres.start(data, freePort(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cleanup.add(() -> {
            postgres.discard();
            delete(run);
        });
        log.info("Integration tests use a PostgreSQL server of their own on port {} ({})", postgres.port(), data);
        return new Server(postgres.jdbcUrl("postgres"), LocalPostgres.USER, postgres.superuserPassword());
    }

    private String createDatabase(String name, String template) {
        String database = ("ledger_it_" + name + "_" + runId)
                .replaceAll("[^a-zA-Z0-9_]", "_")
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + database + (template == null ? "" : " TEMPLATE " + template));
        if (source != Source.EMBEDDED) {
            synchronized (this) {
                cleanup.add(0, () -> execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
            }
        }
        return server().adminUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    private static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private void execute(String sql) {
        Server postgres = server();
        try (Connection connection =
                        DriverManager.getConnection(postgres.adminUrl(), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database statement failed: " + sql, e);
        }
    }

    private synchronized void close() {
        for (Runnable step : cleanup) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("Test infrastructure cleanup step failed: {}", e.toString());
            }
        }
        cleanup.clear();
    }

    private static Source chooseSource() {
        String forced = env("LEDGER_TEST_DB", "auto").toLowerCase(Locale.ROOT);
        Source source =
                switch (forced) {
                    case "embedded" -> Source.EMBEDDED;
                    case "url" -> Source.URL;
                    case "docker" -> Source.DOCKER;
                    case "auto" -> dockerAvailable() ? Source.DOCKER : reachableUrl() ? Source.URL : Source.EMBEDDED;
                    default -> throw new IllegalStateException(
                            "LEDGER_TEST_DB is auto, docker, url or embedded, not " + forced);
                };
        log.info(
                "Integration tests' PostgreSQL: {}{}",
                source,
                forced.equals("auto")
                        ? " (chosen: Docker, else LEDGER_TEST_PG_URL, else embedded)"
                        : " (LEDGER_TEST_DB)");
        if (source == Source.URL && System.getenv("LEDGER_TEST_PG_URL") == null) {
            throw new IllegalStateException("LEDGER_TEST_DB=url needs LEDGER_TEST_PG_URL");
        }
        return source;
    }

    private static boolean reachableUrl() {
        String url = System.getenv("LEDGER_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(
                url, env("LEDGER_TEST_PG_USER", "postgres"), env("LEDGER_TEST_PG_PASSWORD", ""))) {
            return connection.isValid(5);
        } catch (SQLException e) {
            log.info("LEDGER_TEST_PG_URL {} does not answer ({}); using the embedded PostgreSQL", url, e.toString());
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", directory, e.toString());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
