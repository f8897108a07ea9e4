package org.borderledger.query.consistency;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema {@code shadow_<id>} next to the live tables, in the same database, with the same tables: the service's own
 * Flyway migrations run against it. It lives as long as one consistency check and is dropped with everything in it.
 */
final class ShadowSchema implements AutoCloseable {

    static final String PREFIX = "shadow_";

    private static final Logger log = LoggerFactory.getLogger(ShadowSchema.class);
    private static final Pattern NAME = Pattern.compile("shadow_[a-z0-9_]{1,40}");

    private final DataSource live;
    private final ShadowDataSource shadow;

    private ShadowSchema(DataSource live, String name) {
        this.live = live;
        this.shadow = new ShadowDataSource(live, name);
    }

    /** Creates {@code shadow_<suffix>} and migrates it with the migrations at {@code locations}. */
    static ShadowSchema create(DataSource live, String suffix, Location... locations) {
        String name = (PREFIX + suffix).toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a shadow schema name: " + name);
        }
        execute(live, "CREATE SCHEMA \"" + name + "\"");
        ShadowSchema schema = new ShadowSchema(live, name);
        try {
            Flyway.configure()
                    .dataSource(schema.shadow)
                    .schemas(name)
                    .locations(locations)
                    .load()
                    .migrate();
            return schema;
        } catch (RuntimeException e) {
            schema.close();
            throw e;
        }
    }

    /** Drops the shadow schemas a check that died left behind (only ever call it while holding the read model lock). */
    static void dropLeftovers(DataSource live) {
        List<String> leftovers = new ArrayList<>();
        try (Connection connection = live.getConnection();
                ResultSet schemas = connection.getMetaData().getSchemas()) {
            while (schemas.next()) {
                String name = schemas.getString("TABLE_SCHEM");
                if (NAME.matcher(name).matches()) {
                    leftovers.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the schemas", e);
        }
        leftovers.forEach(name -> {
            log.info("Dropping shadow schema {} left by an earlier consistency check", name);
            execute(live, "DROP SCHEMA \"" + name + "\" CASCADE");
        });
    }

    String name() {
        return shadow.schema();
    }

    /** Connections whose unqualified table names are the shadow's tables. */
    DataSource dataSource() {
        return shadow;
    }

    @Override
    public void close() {
        execute(live, "DROP SCHEMA \"" + name() + "\" CASCADE");
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Shadow schema statement failed: " + sql, e);
        }
    }
}
