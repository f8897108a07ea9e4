package org.borderledger.local;

import java.nio.file.Path;
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
        String jwtSecret) {

    static LocalSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", "data")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(env.getOrDefault("LEDGER_KAFKA_PORT", "9092"));
        return new LocalSettings(
                dataDir,
                Integer.parseInt(env.getOrDefault("LEDGER_COMMAND_PORT", "8081")),
                Integer.parseInt(env.getOrDefault("LEDGER_QUERY_PORT", "8082")),
                kafkaPort,
                Integer.parseInt(env.getOrDefault("LEDGER_KAFKA_CONTROLLER_PORT", String.valueOf(kafkaPort + 1))),
                Integer.parseInt(env.getOrDefault("LEDGER_PG_PORT", "15432")),
                blankToNull(env.get("LEDGER_KAFKA_BOOTSTRAP")),
                blankToNull(env.get("LEDGER_COMMAND_DB_URL")),
                blankToNull(env.get("LEDGER_QUERY_DB_URL")),
                blankToNull(env.get("LEDGER_JWT_SECRET")));
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
