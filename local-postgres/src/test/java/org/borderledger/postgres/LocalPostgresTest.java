package org.borderledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server acknowledges a commit only once it is on disk, keeps its data across restarts and survives a kill; nobody
 * logs in without the password kept owner-only beside its data, and none of its processes runs as root.
 */
class LocalPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void runsDurablyAndKeepsItsDataAcrossARestart() throws Exception {
        int port = freePort();
        Path log = dataDir.resolve("postgres.log");
        try (LocalPostgres postgres = LocalPostgres.start(dataDir.resolve("postgres"), port, log)) {
            assertThat(postgres.durabilitySettings())
                    .containsEntry("fsync", "on")
                    .containsEntry("synchronous_commit", "on")
                    .containsEntry("full_page_writes", "on");
            postgres.createDatabaseIfMissing("ledger_command");
            postgres.createDatabaseIfMissing("ledger_command");
            execute(postgres, "CREATE TABLE fact (id int PRIMARY KEY)", "INSERT INTO fact VALUES (1)");
        }
        assertThat(LocalPostgres.runningServer(dataDir.resolve("postgres")))
                .as("stopped")
                .isEmpty();

        try (LocalPostgres restarted = LocalPostgres.start(dataDir.resolve("postgres"), port, log)) {
            assertThat(count(restarted)).isEqualTo(1);
        }
        assertThat(Files.readString(log)).contains("database system is shut down");
    }

    @Test
    void stopsTheServerOfAKilledRunAndRecoversEverythingCommitted() throws Exception {
        int port = freePort();
        Path directory = dataDir.resolve("postgres");
        Path log = dataDir.resolve("postgres.log");
        LocalPostgres abandoned = LocalPostgres.start(directory, port, log);
        abandoned.createDatabaseIfMissing("ledger_command");
        execute(abandoned, "CREATE TABLE fact (id int PRIMARY KEY)", "INSERT INTO fact VALUES (1), (2)");
        ProcessHandle postmaster = LocalPostgres.runningServer(directory).orElseThrow();
        abandoned.releaseLockAsAKilledJvmWould();

        try (LocalPostgres next = LocalPostgres.start(directory, port, log)) {
            assertThat(postmaster.isAlive())
                    .as("the left-over server was stopped")
                    .isFalse();
            assertThat(count(next)).isEqualTo(2);
            execute(next, "INSERT INTO fact VALUES (3)");
            ProcessHandle server = LocalPostgres.runningServer(directory).orElseThrow();
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            server.onExit().join();
        }

        try (LocalPostgres recovered = LocalPostgres.start(directory, port, log)) {
            assertThat(count(recovered))
                    .as("recovered from the write-ahead log")
                    .isEqualTo(3);
        }
    }

    @Test
    void refusesASuperuserLoginWithoutThePasswordFromAnotherProcess() throws Exception {
        try (LocalPostgres postgres =
                LocalPostgres.start(dataDir.resolve("postgres"), freePort(), dataDir.resolve("postgres.log"))) {
            Path passwordFile = dataDir.resolve("postgres.password");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(postgres.superuserPassword());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");

            assertThat(loginFromAnotherProcess(postgres.jdbcUrl("postgres"), ""))
                    .as("no password: the server asks for one (08004), the driver has none")
                    .isEqualTo("refused 08004");
            assertThat(loginFromAnotherProcess(postgres.jdbcUrl("postgres"), "postgres"))
                    .as("a guessed password")
                    .isEqualTo("refused 28P01");
            assertThat(loginFromAnotherProcess(postgres.jdbcUrl("postgres"), postgres.superuserPassword()))
                    .as("the password of the file")
                    .isEqualTo("connected");
        }
    }

    @Test
    void givesADataDirectoryWhoseServerTrustedLocalConnectionsAPasswordAndKeepsItsData() throws Exception {
        Path directory = dataDir.resolve("postgres");
        Path log = dataDir.resolve("postgres.log");
        int port = freePort();
        String first;
        try (LocalPostgres postgres = LocalPostgres.start(directory, port, log)) {
            first = postgres.superuserPassword();
            postgres.createDatabaseIfMissing("ledger_command");
            execute(postgres, "CREATE TABLE fact (id int PRIMARY KEY)", "INSERT INTO fact VALUES (1)");
        }
        // a data directory as an earlier version left it: trust for everyone, no password file
        Files.writeString(directory.resolve("pg_hba.conf"), "local all all trust\nhost all all all trust\n");
        Files.delete(dataDir.resolve("postgres.password"));
        Files.delete(dataDir.resolve("postgres.password-set"));

        try (LocalPostgres upgraded = LocalPostgres.start(directory, port, log)) {
            assertThat(upgraded.superuserPassword()).isNotEqualTo(first);
            assertThat(count(upgraded)).isEqualTo(1);
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(loginFromAnotherProcess(upgraded.jdbcUrl("postgres"), first))
                    .as("the old password")
                    .isEqualTo("refused 28P01");
            assertThat(loginFromAnotherProcess(upgraded.jdbcUrl("postgres"), ""))
                    .as("no password")
                    .isEqualTo("refused 08004");
        }
    }

    @Test
    void noProcessOfTheServerRunsAsHostRoot() throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (LocalPostgres postgres = LocalPostgres.start(directory, freePort(), dataDir.resolve("postgres.log"))) {
            ProcessHandle postmaster = LocalPostgres.runningServer(directory).orElseThrow();
            List<ProcessHandle> processes =
                    new ArrayList<>(postmaster.descendants().toList());
            processes.add(postmaster);
            assertThat(processes).hasSizeGreaterThan(1);
            for (ProcessHandle process : processes) {
                Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
                if (!Files.exists(status)) {
                    continue;
                }
                String uids = Files.readAllLines(status).stream()
                        .filter(line -> line.startsWith("Uid:"))
                        .findFirst()
                        .orElseThrow();
                assertThat(uids.substring("Uid:".length()).strip().split("\\s+"))
                        .as("real, effective, saved and file-system uid of %s", process.pid())
                        .doesNotContain("0");
            }
            assertThat(Files.getAttribute(directory, "unix:uid"))
                    .as("the data directory belongs to the server's user")
                    .isEqualTo(Files.getAttribute(Path.of("/proc", String.valueOf(postmaster.pid())), "unix:uid"));
        }
    }

    /** A JVM of its own that logs in as the superuser with {@code password}: "connected", or "refused SQLSTATE". */
    private String loginFromAnotherProcess(String url, String password) throws Exception {
        Path source = dataDir.resolve("Login.java");
        Files.writeString(
                source,
                """
                public class Login {
                    public static void main(String[] args) {
                        try (var c = java.sql.DriverManager.getConnection(args[0], "postgres", args.length > 1 ? args[1] : "")) {
                            System.out.print("connected");
                        } catch (java.sql.SQLException e) {
                            System.out.print("refused " + e.getSQLState());
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), source.toString(), url));
        if (!password.isEmpty()) {
            command.add(password);
        }
        Process login = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(login.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(login.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return out.lines().reduce((first, last) -> last).orElse("");
    }

    private static long count(LocalPostgres postgres) throws Exception {
        try (Connection connection = postgres.connect("ledger_command");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM fact")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(LocalPostgres postgres, String... sql) throws Exception {
        try (Connection connection = postgres.connect("ledger_command");
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
