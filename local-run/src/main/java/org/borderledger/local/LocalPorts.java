package org.borderledger.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every port the local run binds, what binds it and the variable that moves it; checked free before anything starts. */
final class LocalPorts {

    /** One port of the run: its number, what listens there and the variable that moves it. */
    record Port(int number, String listener, String variable) {

        String refusal() {
            return "Port " + number + " (" + listener + ") is in use: stop what listens there, or set " + variable
                    + " to move it";
        }
    }

    private LocalPorts() {}

    static List<Port> of(LocalSettings settings) {
        List<Port> ports = new ArrayList<>();
        if (settings.embeddedPostgres()) {
            ports.add(new Port(settings.postgresPort(), "PostgreSQL", "LEDGER_PG_PORT"));
        }
        if (settings.embeddedKafka()) {
            ports.addAll(broker(settings));
        }
        ports.add(new Port(settings.commandPort(), "command service", "LEDGER_COMMAND_PORT"));
        ports.add(new Port(
                settings.commandPort() + 1000,
                "command service management, LEDGER_COMMAND_PORT + 1000",
                "LEDGER_COMMAND_PORT"));
        ports.add(new Port(settings.queryPort(), "query service and console", "LEDGER_QUERY_PORT"));
        ports.add(new Port(
                settings.queryPort() + 1000,
                "query service management, LEDGER_QUERY_PORT + 1000",
                "LEDGER_QUERY_PORT"));
        return ports;
    }

    /** The in-process broker's ports. */
    static List<Port> broker(LocalSettings settings) {
        return List.of(
                new Port(settings.kafkaPort(), "Kafka broker", "LEDGER_KAFKA_PORT"),
                new Port(settings.kafkaControllerPort(), "Kafka controller", "LEDGER_KAFKA_CONTROLLER_PORT"));
    }

    /**
     * Refuses the first port of the run that something else listens on. The PostgreSQL port is left to the server of
     * an earlier run on the same data dir when one still runs: the start stops that server first.
     */
    static void refuseTaken(LocalSettings settings) {
        refuseTaken(
                of(settings),
                settings.bindAddress(),
                leftOverServer(settings.postgresDataDir()).isPresent());
    }

    static void refuseTaken(List<Port> ports, String bindAddress) {
        refuseTaken(ports, bindAddress, false);
    }

    private static void refuseTaken(List<Port> ports, String bindAddress, boolean leftOverPostgres) {
        List<Integer> seen = new ArrayList<>();
        for (Port port : ports) {
            if (seen.contains(port.number())) {
                throw new LocalRunRefused("Port " + port.number() + " is set for two listeners (" + port.listener()
                        + " among them): set " + port.variable() + " to another port");
            }
            seen.add(port.number());
            if (port.variable().equals("LEDGER_PG_PORT") && leftOverPostgres) {
                continue;
            }
            String address = port.listener().contains("management") ? LocalSettings.LOOPBACK : bindAddress;
            if (!free(address, port.number())) {
                throw new LocalRunRefused(port.refusal());
            }
        }
    }

    /** Whether a listener could bind {@code port} on {@code address}, as the run's listener there does. */
    static boolean free(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static Optional<ProcessHandle> leftOverServer(Path postgresDataDir) {
        Path pidFile = postgresDataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
