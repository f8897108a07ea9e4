package org.borderledger.query.consistency;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The live data source with every connection pointed at the shadow schema, so that unqualified table names in the
 * projections' SQL mean the shadow's tables: PostgreSQL's {@code search_path} is set to the schema alone. Closing a
 * connection points it back where it was before it returns to the pool, so no live query ever runs in the shadow.
 */
final class ShadowDataSource extends DelegatingDataSource {

    private final String schema;

    ShadowDataSource(DataSource live, String schema) {
        super(live);
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inShadow(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return inShadow(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection inShadow(Connection connection) throws SQLException {
        Runnable restore;
        try {
            restore = switchTo(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        close(connection, restore);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Points the connection back and closes it. Uncommitted work is rolled back first (the pool would do so anyway),
     * so that the switch back is not lost with it; a connection that cannot be pointed back is aborted, never pooled.
     */
    private static void close(Connection connection, Runnable restore) throws SQLException {
        try {
            if (!connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                restore.run();
            }
        } catch (SQLException | RuntimeException e) {
            connection.abort(Runnable::run);
            throw e;
        } finally {
            connection.close();
        }
    }

    /** Points the connection at the shadow schema; answers how to point it back. */
    private Runnable switchTo(Connection connection) throws SQLException {
        String original;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW search_path")) {
            rs.next();
            original = rs.getString(1);
        }
        setSearchPath(connection, "\"" + schema + "\"");
        return () -> {
            try {
                setSearchPath(connection, original);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not point a connection back at " + original, e);
            }
        };
    }

    private static void setSearchPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            statement.setString(1, path);
            statement.executeQuery().close();
        }
    }
}
