package org.borderledger.command.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;

/**
 * The positions the event store gave the events appended by a piece of work on this thread, without asking the store
 * again: the JDBC engine's append is Axon's own batch {@code INSERT} with {@code RETURNING global_index}
 * ({@link #appendStatement()}), and {@link #during} collects what those inserts returned.
 */
public final class AppendedPositions {

    private static final ThreadLocal<List<Long>> recording = new ThreadLocal<>();

    private AppendedPositions() {}

    /** What a piece of work returned, with the positions of the events it appended, in the order appended. */
    public record Appended<T>(T result, List<Long> positions) {

        /** The highest position appended, if anything was. */
        public OptionalLong last() {
            return positions.stream().mapToLong(Long::longValue).max();
        }
    }

    /** Runs {@code work} on this thread and collects the positions of the events it appends. */
    public static <T> Appended<T> during(Supplier<T> work) {
        List<Long> outer = recording.get();
        List<Long> positions = new ArrayList<>();
        recording.set(positions);
        try {
            T result = work.get();
            if (outer != null) {
                outer.addAll(positions);
            }
            return new Appended<>(result, List.copyOf(positions));
        } finally {
            recording.set(outer);
        }
    }

    /**
     * Axon's append statement ({@link JdbcEventStorageEngineStatements#appendEvents}) prepared so that the insert
     * returns each row's global index, which the batch's execution hands to the current {@link #during} work.
     */
    public static AppendEventsStatementBuilder appendStatement() {
        return (connection, schema, dataType, events, serializer, timestampWriter) -> {
            Connection returning = proxy(Connection.class, connection, (method, args) -> {
                if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
                    return connection.prepareStatement((String) args[0], new String[] {schema.globalIndexColumn()});
                }
                return method.invoke(connection, args);
            });
            PreparedStatement statement = JdbcEventStorageEngineStatements.appendEvents(
                    returning, schema, dataType, events, serializer, timestampWriter);
            return proxy(PreparedStatement.class, statement, (method, args) -> {
                Object result = method.invoke(statement, args);
                if (method.getName().equals("executeBatch")) {
                    collect(statement, events);
                }
                return result;
            });
        };
    }

    private static void collect(PreparedStatement statement, List<? extends EventMessage<?>> events)
            throws SQLException {
        List<Long> positions = recording.get();
        if (positions == null) {
            return;
        }
        try (ResultSet keys = statement.getGeneratedKeys()) {
            int rows = 0;
            while (keys.next()) {
                positions.add(keys.getLong(1));
                rows++;
            }
            if (rows != events.size()) {
                throw new SQLException("The append returned " + rows + " positions for " + events.size() + " events");
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
