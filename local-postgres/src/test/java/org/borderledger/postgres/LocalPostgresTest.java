package org.borderledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server acknowledges a commit only once it is on disk, keeps its data across restarts and survives a kill. */
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
        releaseLockAsAKilledJvmWould(abandoned);

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

    private static void releaseLockAsAKilledJvmWould(LocalPostgres postgres) throws Exception {
        // the launcher's lock on the data directory is released when its JVM dies; here the JVM lives on
        var field = LocalPostgres.class.getDeclaredField("server");
        field.setAccessible(true);
        Object server = field.get(postgres);
        var lock = server.getClass().getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(server)).release();
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
