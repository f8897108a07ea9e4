package org.borderledger.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in this JVM, with its logs under the
 * data dir so that topics and offsets survive a restart as the events in the store do.
 */
final class LocalKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String address;
    private final int port;

    private LocalKafkaBroker(KafkaRaftServer server, String address, int port) {
        this.server = server;
        this.address = address;
        this.port = port;
    }

    /**
     * Starts the broker with its listener and its controller on {@code bindAddress}; clients are told to connect to
     * {@code connectAddress} (the bind address, or loopback when that is a wildcard).
     */
    static LocalKafkaBroker start(
            Path directory, String bindAddress, String connectAddress, int port, int controllerPort)
            throws IOException {
        Path logs = directory.resolve("logs");
        Files.createDirectories(logs);
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        String bind = bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
        String connect = connectAddress.contains(":") && !connectAddress.startsWith("[")
                ? "[" + connectAddress + "]"
                : connectAddress;
        config.put("controller.quorum.voters", "1@" + connect + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + bind + ":" + port + ",CONTROLLER://" + bind + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + connect + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logs.toAbsolutePath().toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "6");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.put("log.retention.hours", "-1");

        Path file = directory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(out, "written by ./run-local.sh on every start");
        }
        format(file, clusterId(directory));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
        server.startup();
        return new LocalKafkaBroker(server, connect, port);
    }

    /** The cluster's id, generated once and kept beside the logs: a restart must format with the same id. */
    private static String clusterId(Path directory) throws IOException {
        Path file = directory.resolve("cluster.id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

    /** Formats the log dir the first time; a formatted dir is left as it is. */
    private static void format(Path serverProperties, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", serverProperties.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    String bootstrapServers() {
        return address + ":" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
