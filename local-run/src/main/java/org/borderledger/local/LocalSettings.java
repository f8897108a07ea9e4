package org.borderledger.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the local run starts with, from the environment. Database URLs and the Kafka bootstrap are optional: without
 * them the run keeps a PostgreSQL data directory and a Kafka log under the data dir.
 */
record LocalSettings(
        Path dataDir,
        int commandPort,
        int queryPort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        String externalKafkaBootstrap,
        String commandDbUrl,
        String queryDbUrl,
        String jwtSecret,
        String bindAddress) {

    /** An environment variable the local run reads, its default and what it sets; {@code --help} lists them all. */
    record Variable(String name, String defaultValue, String meaning) {}

    static final List<Variable> VARIABLES = List.of(
            new Variable(
                    "LEDGER_DATA_DIR", "./data", "where the database, the broker's log, keys, tokens and logs live"),
            new Variable(
                    "LEDGER_BIND_ADDRESS",
                    "127.0.0.1",
                    "the address every listener of the run binds (services, broker, PostgreSQL); management stays on"
                            + " 127.0.0.1"),
            new Variable(
                    "LEDGER_COMMAND_PORT",
                    "8081",
                    "the command service's HTTP port; its management port is 1000 above"),
            new Variable(
                    "LEDGER_QUERY_PORT",
                    "8082",
                    "the query service's and the console's HTTP port; management 1000 above"),
            new Variable("LEDGER_PG_PORT", "15432", "the embedded PostgreSQL server's port"),
            new Variable(
                    "LEDGER_POSTGRES_OS_USER",
                    "nobody",
                    "run as root: the unprivileged user the embedded PostgreSQL runs as (through setpriv)"),
            new Variable("LEDGER_KAFKA_PORT", "9092", "the in-process Kafka broker's port"),
            new Variable("LEDGER_KAFKA_CONTROLLER_PORT", "LEDGER_KAFKA_PORT + 1", "the broker's KRaft controller port"),
            new Variable("LEDGER_KAFKA_BOOTSTRAP", "unset", "use this Kafka cluster instead of the in-process broker"),
            new Variable(
                    "LEDGER_COMMAND_DB_URL",
                    "unset",
                    "JDBC URL of the command service's database (with the next, no embedded PostgreSQL)"),
            new Variable("LEDGER_QUERY_DB_URL", "unset", "JDBC URL of the query service's database"),
            new Variable(
                    "LEDGER_JWT_SECRET",
                    "generated into $LEDGER_DATA_DIR/jwt-secret",
                    "HS256 secret of the local tokens"),
            new Variable(
                    "LEDGER_RECORD_KEYS",
                    "generated into $LEDGER_DATA_DIR/record-keys",
                    "keys that sign the topic's records"),
            new Variable("LEDGER_SEAL_KEY", "unset", "the seal signing key itself (PEM)"),
            new Variable(
                    "LEDGER_SEAL_KEY_FILE",
                    "generated into $LEDGER_DATA_DIR/seal-key.pem",
                    "the file of the seal signing key"),
            new Variable(
                    "LEDGER_CONSOLE_ORIGINS",
                    "http://localhost:$LEDGER_QUERY_PORT,http://127.0.0.1:$LEDGER_QUERY_PORT",
                    "origins whose browsers may call the command service (CORS)"));

    static LocalSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", "data")).toAbsolutePath();
        int kafkaPort = port(env, "LEDGER_KAFKA_PORT", 9092);
        return new LocalSettings(
                dataDir,
                port(env, "LEDGER_COMMAND_PORT", 8081),
                port(env, "LEDGER_QUERY_PORT", 8082),
                kafkaPort,
                port(env, "LEDGER_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                port(env, "LEDGER_PG_PORT", 15432),
                blankToNull(env.get("LEDGER_KAFKA_BOOTSTRAP")),
                blankToNull(env.get("LEDGER_COMMAND_DB_URL")),
                blankToNull(env.get("LEDGER_QUERY_DB_URL")),
                blankToNull(env.get("LEDGER_JWT_SECRET")),
                env.getOrDefault("LEDGER_BIND_ADDRESS", "").isBlank()
                        ? LOOPBACK
                        : env.get("LEDGER_BIND_ADDRESS").strip());
    }

    /** Where the run listens unless {@code LEDGER_BIND_ADDRESS} says otherwise. */
    static final String LOOPBACK = "127.0.0.1";

    /** The address clients of this machine reach the listeners on: the bind address, or loopback for a wildcard. */
    String connectAddress() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]")
                ? LOOPBACK
                : bindAddress;
    }

    boolean embeddedKafka() {
        return externalKafkaBootstrap == null;
    }

    /** Whether a database URL is missing, so that the run starts its own PostgreSQL under the data dir. */
    boolean embeddedPostgres() {
        return commandDbUrl == null || queryDbUrl == null;
    }

    Path postgresDataDir() {
        return dataDir.resolve("postgres");
    }

    Path postgresLog() {
        return dataDir.resolve("postgres.log");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Path tokensFile() {
        return dataDir.resolve("tokens.json");
    }

    /** When {@code --reset-tokens} last ran: tokens issued before it are refused by both services. */
    Path tokensNotBeforeFile() {
        return dataDir.resolve("tokens-not-before");
    }

    /** A port from the environment; the HTTP ports leave room for their management port 1000 above. */
    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        int highest = name.equals("LEDGER_COMMAND_PORT") || name.equals("LEDGER_QUERY_PORT") ? 64535 : 65535;
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= highest) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new LocalRunRefused(name + " must be a port number from 1 to " + highest + ", not '" + value + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
