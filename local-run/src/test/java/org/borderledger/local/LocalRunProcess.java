package org.borderledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.testsupport.LedgerHttp;

/**
 * The local run as a user starts it, {@code java -jar border-ledger-local.jar} in a child process, on free ports and a
 * test's own data dir: for tests that must kill it ({@code kill -9}) and start it again on the same data. Needs the
 * packaged jar, so it runs in {@code verify} (failsafe), after {@code package}.
 */
final class LocalRunProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "border-ledger-local.jar");
    static final String JWT_SECRET = "local-run-process-tests-secret-0123456789";

    private final LocalSettings settings;
    private final Path log;
    private Process process;
    private int starts;
    private boolean generatesItsSecret;
    private final Map<String, String> extraEnvironment = new java.util.HashMap<>();

    private LocalRunProcess(LocalSettings settings) {
        this.settings = settings;
        this.log = settings.dataDir().resolveSibling(settings.dataDir().getFileName() + "-local-run.log");
    }

    /** A local run on {@code dataDir} and free ports; not started yet. */
    static LocalRunProcess on(Path dataDir) {
        return new LocalRunProcess(LocalRuns.embeddedDefaults(dataDir));
    }

    /** Without {@code LEDGER_JWT_SECRET}: the run generates its secret into the data dir, as on a user's machine. */
    LocalRunProcess generatingItsSecret() {
        generatesItsSecret = true;
        return this;
    }

    /** With {@code name} set to {@code value} in the jar's environment, at every start. */
    LocalRunProcess with(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    /** Starts the jar and waits until both services answer their health check; fails with the end of its log. */
    void start(Duration timeout) {
        start(timeout, new String[0]);
    }

    /** Starts the jar with {@code options} and waits until both services answer their health check. */
    void start(Duration timeout, String... options) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests with ./mvnw verify");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xms128m",
                "-Xmx640m",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment(builder.environment(), settings);
        builder.environment().putAll(extraEnvironment);
        if (!generatesItsSecret) {
            builder.environment().put("LEDGER_JWT_SECRET", JWT_SECRET);
        }
        try {
            Files.writeString(
                    log,
                    "==== start " + ++starts + " at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(healthy(command()) && healthy(query()))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local run exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The local run was not healthy within " + timeout + ":\n" + logTail());
            }
            LocalRuns.sleep(500);
        }
    }

    /** The run's settings as the environment the jar reads; nothing else of the test JVM's {@code LEDGER_*}. */
    static void environment(Map<String, String> environment, LocalSettings settings) {
        environment.keySet().removeIf(name -> name.startsWith("LEDGER_"));
        environment.put("LEDGER_DATA_DIR", settings.dataDir().toString());
        environment.put("LEDGER_COMMAND_PORT", String.valueOf(settings.commandPort()));
        environment.put("LEDGER_QUERY_PORT", String.valueOf(settings.queryPort()));
        environment.put("LEDGER_KAFKA_PORT", String.valueOf(settings.kafkaPort()));
        environment.put("LEDGER_KAFKA_CONTROLLER_PORT", String.valueOf(settings.kafkaControllerPort()));
        environment.put("LEDGER_PG_PORT", String.valueOf(settings.postgresPort()));
        // the crash tests write as fast as they can with one token, far above a border post's rate limit
        environment.put("LEDGER_WRITE_RATE_LIMIT", "1000");
        environment.put("LEDGER_WRITE_RATE_BURST", "100000");
    }

    /**
     * {@code kill -9} of the local run's JVM; with {@code postgresToo}, of its PostgreSQL server and every one of its
     * processes as well, as when the whole machine's processes die at once. Without it, the server outlives the JVM
     * (it runs in a session of its own), as after a user's {@code kill -9} of the JVM.
     */
    void kill(boolean postgresToo) {
        Optional<ProcessHandle> postmaster = postmaster();
        process.destroyForcibly();
        if (postgresToo) {
            postmaster.ifPresent(server -> {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
                server.onExit().join();
            });
        }
        awaitExit(Duration.ofMinutes(1));
    }

    /** Stops the local run as Ctrl-C does (SIGTERM: services, broker, then PostgreSQL) and waits for it. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit(Duration.ofMinutes(3));
        }
    }

    /** Stops the run; whatever is left of it (a server of a killed run) is killed. */
    @Override
    public void close() {
        stop();
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        postmaster().ifPresent(server -> {
            server.destroy();
            server.onExit()
                    .orTimeout(60, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        });
    }

    LedgerHttp command() {
        return LocalRuns.command(settings);
    }

    LedgerHttp query() {
        return LocalRuns.query(settings);
    }

    LocalSettings settings() {
        return settings;
    }

    static String token(LedgerPrincipal principal) {
        return LedgerTokens.sign(JWT_SECRET, principal, Instant.now(), Duration.ofHours(2));
    }

    /** The PostgreSQL server of this run's data dir, if one runs (its {@code postmaster.pid}). */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = settings.postgresDataDir().resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What the run printed (standard output and error) since its last start. */
    List<String> outputOfLastStart() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String header = "==== start " + starts + " ";
            int from = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(header)) {
                    from = i + 1;
                }
            }
            return lines.subList(from, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The local run did not exit within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean healthy(LedgerHttp service) {
        try {
            return service.get("/readyz", null).status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
