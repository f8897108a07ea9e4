package org.borderledger.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.borderledger.postgres.LocalPostgres;

/**
 * The embedded server's databases and roles, as the compose stack sets them up ({@code docker/postgres}): a migration
 * owner that owns both databases and runs the Flyway migrations, and one runtime role per service that may connect to
 * its own service's database only and gets its table rights from the service after each migration
 * ({@code db/grants/*-runtime.sql}: the command role may only read and append events). None of them is a superuser.
 * Their passwords are generated once into {@code postgres-roles} (owner-only) in the data dir. Objects an earlier
 * version created as the superuser are handed to the owner.
 */
final class LocalDatabases {

    static final String OWNER = "ledger_owner";
    static final String COMMAND_ROLE = "ledger_command_app";
    static final String QUERY_ROLE = "ledger_query_app";
    static final String PASSWORDS_FILE = "postgres-roles";

    /** Who a service logs in as, and who runs its migrations. */
    record Login(String user, String password, String migrationUser, String migrationPassword) {}

    private final Properties passwords;

    private LocalDatabases(Properties passwords) {
        this.passwords = passwords;
    }

    static LocalDatabases prepare(LocalPostgres postgres, Path dataDir) throws IOException {
        LocalDatabases databases = new LocalDatabases(passwords(dataDir.resolve(PASSWORDS_FILE)));
        try (Connection connection = postgres.connect("postgres");
                Statement statement = connection.createStatement()) {
            for (String role : List.of(OWNER, COMMAND_ROLE, QUERY_ROLE)) {
                boolean exists;
                try (PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                    query.setString(1, role);
                    try (ResultSet rs = query.executeQuery()) {
                        exists = rs.next();
                    }
                }
                statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + LocalPostgres.quoted(role)
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                        + databases.password(role) + "'");
            }
            for (String database : List.of(LocalLedger.COMMAND_DATABASE, LocalLedger.QUERY_DATABASE)) {
                postgres.createDatabaseIfMissing(database);
                statement.execute("ALTER DATABASE " + LocalPostgres.quoted(database) + " OWNER TO " + OWNER);
                statement.execute("REVOKE ALL ON DATABASE " + LocalPostgres.quoted(database) + " FROM PUBLIC");
            }
            statement.execute("GRANT CONNECT ON DATABASE " + LocalLedger.COMMAND_DATABASE + " TO " + COMMAND_ROLE);
            // CREATE: a consistency check rebuilds the read models into a schema of its own next to the live ones
            statement.execute("GRANT CONNECT, CREATE ON DATABASE " + LocalLedger.QUERY_DATABASE + " TO " + QUERY_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the ledger's roles on the embedded PostgreSQL", e);
        }
        for (String database : List.of(LocalLedger.COMMAND_DATABASE, LocalLedger.QUERY_DATABASE)) {
            handOverToTheOwner(postgres, database);
        }
        return databases;
    }

    Login command() {
        return new Login(COMMAND_ROLE, password(COMMAND_ROLE), OWNER, password(OWNER));
    }

    Login query() {
        return new Login(QUERY_ROLE, password(QUERY_ROLE), OWNER, password(OWNER));
    }

    private String password(String role) {
        return passwords.getProperty(role);
    }

    /** Schemas, tables, views and sequences the superuser owns (a data dir of an earlier version) go to the owner. */
    private static void handOverToTheOwner(LocalPostgres postgres, String database) {
        String handOver =
                """
                DO $$
                DECLARE r record;
                BEGIN
                  FOR r IN SELECT nspname FROM pg_namespace
                           WHERE nspowner = 'postgres'::regrole AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
                  LOOP EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, '${owner}'); END LOOP;
                  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE c.relowner = 'postgres'::regrole AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                             AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                             AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
                  LOOP
                    EXECUTE format(CASE r.relkind WHEN 'v' THEN 'ALTER VIEW %s OWNER TO %I'
                                                  WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %s OWNER TO %I'
                                                  WHEN 'S' THEN 'ALTER SEQUENCE %s OWNER TO %I'
                                                  WHEN 'f' THEN 'ALTER FOREIGN TABLE %s OWNER TO %I'
                                                  ELSE 'ALTER TABLE %s OWNER TO %I' END, r.name, '${owner}');
                  END LOOP;
                END $$
                """
                        .replace("${owner}", OWNER);
        try (Connection connection = postgres.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(handOver);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand the objects of " + database + " to " + OWNER, e);
        }
    }

    /** The roles' passwords, generated (256 bits each) into {@code file} the first time. */
    private static Properties passwords(Path file) throws IOException {
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            passwords.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        }
        boolean added = false;
        SecureRandom random = new SecureRandom();
        for (String role : List.of(OWNER, COMMAND_ROLE, QUERY_ROLE)) {
            if (passwords.getProperty(role, "").isBlank()) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                passwords.setProperty(
                        role, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                added = true;
            }
        }
        if (added) {
            StringWriter text = new StringWriter();
            passwords.store(text, "the ledger's roles on the embedded PostgreSQL; generated, keep private");
            LocalDataDir.writeSecret(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return passwords;
    }
}
