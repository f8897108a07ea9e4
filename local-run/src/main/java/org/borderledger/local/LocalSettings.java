package org.borderledger.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the local run starts with, from the environment (SPEC §7). Database URLs and the Kafka bootstrap are optional:
 * without them the run keeps H2 files and a Kafka log under the data dir.
 */
record LocalSettings(
        Path dataDir,
        int commandPort,
        int queryPort,
        int kafkaPort,
        int kafkaControllerPort,
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
                blankToNull(env.get("LEDGER_KAFKA_BOOTSTRAP")),
                blankToNull(env.get("LEDGER_COMMAND_DB_URL")),
                blankToNull(env.get("LEDGER_QUERY_DB_URL")),
                blankToNull(env.get("LEDGER_JWT_SECRET")));
    }

    boolean embeddedKafka() {
        return externalKafkaBootstrap == null;
    }

    /** The command database: the configured URL, else an H2 file under the data dir. */
    String commandDatabase() {
        return commandDbUrl != null ? commandDbUrl : h2("command");
    }

    String queryDatabase() {
        return queryDbUrl != null ? queryDbUrl : h2("query");
    }

    private String h2(String name) {
        return "jdbc:h2:file:" + dataDir.resolve(name).resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
