package org.borderledger.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * After every migration, gives the service's runtime role exactly the rights the service needs on the tables the
 * migrations own, from a SQL resource whose {@code ${role}} is the runtime role's quoted name. It applies only on
 * PostgreSQL and only when the migrations run as another role than the service (a migration owner): a single-role
 * set-up (the local run, the tests) keeps its one role's rights.
 */
final class RuntimeRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGrants.class);

    private final Resource grants;
    private final String runtimeUser;

    RuntimeRoleGrants(Resource grants, String runtimeUser) {
        this.grants = grants;
        this.runtimeUser = runtimeUser;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            String migrationUser = connection.getMetaData().getUserName();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    || runtimeUser.isBlank()
                    || runtimeUser.equals(migrationUser)) {
                return;
            }
            String role = '"' + runtimeUser.replace("\"", "\"\"") + '"';
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements()) {
                    statement.execute(sql.replace("${role}", role));
                }
            }
            log.info("Granted the runtime role {} its rights ({}) as {}", runtimeUser, grants, migrationUser);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the runtime role " + runtimeUser + " its rights", e);
        }
    }

    private String[] statements() {
        try {
            String text = grants.getContentAsString(StandardCharsets.UTF_8);
            return Arrays.stream(text.replaceAll("(?m)--.*$", "").split(";"))
                    .map(String::strip)
                    .filter(sql -> !sql.isEmpty())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getCallbackName() {
        return "runtime-role-grants";
    }
}
