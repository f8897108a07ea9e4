package org.borderledger.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, in one of two worlds chosen automatically and logged once:
 * where Docker runs, Testcontainers (pinned images); where it does not, the machine's PostgreSQL on 127.0.0.1:5432
 * ({@code LEDGER_TEST_PG_URL} to change it) and an in-process KRaft broker. Either way every service gets a database
 * created for this run and dropped when the JVM ends, and the broker is new, so no token outlives its topic.
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

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> databases = new ConcurrentHashMap<>();
    private final List<Runnable> cleanup = new ArrayList<>();
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String kafkaBootstrap;

    private TestInfrastructure() {
        if (dockerAvailable()) {
            log.info("Integration tests use Testcontainers: {} and {}", POSTGRES_IMAGE, KAFKA_IMAGE);
            PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
            postgres.start();
            KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
            kafka.start();
            cleanup.add(kafka::stop);
            cleanup.add(postgres::stop);
            adminUrl = postgres.getJdbcUrl();
            user = postgres.getUsername();
            password = postgres.getPassword();
            kafkaBootstrap = kafka.getBootstrapServers();
        } else {
            adminUrl = env("LEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            user = env("LEDGER_TEST_PG_USER", "postgres");
            password = env("LEDGER_TEST_PG_PASSWORD", "");
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.afterPropertiesSet();
            cleanup.add(0, kafka::destroy);
            kafkaBootstrap = kafka.getBrokersAsString();
            log.info(
                    "No Docker engine: integration tests use the local PostgreSQL at {} and an in-process KRaft broker"
                            + " at {}",
                    adminUrl,
                    kafkaBootstrap);
        }
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

    /** A JDBC URL of a database created for this test run under {@code name}; the same name gives the same database. */
    public String database(String name) {
        return databases.computeIfAbsent(name, this::createDatabase);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    private String createDatabase(String name) {
        String database = ("ledger_it_" + name + "_" + runId)
                .replaceAll("[^a-zA-Z0-9_]", "_")
                .toLowerCase();
        execute("CREATE DATABASE " + database);
        cleanup.add(0, () -> execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
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

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("LEDGER_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
