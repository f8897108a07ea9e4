package org.borderledger.query.infra;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The projections' writes, sent as JDBC batches: within a processor batch (an Axon unit of work) or a transaction,
 * every statement is held and sent just before the commit, one batch (one round trip) per statement, so a batch of
 * hundreds of events costs a round trip per table instead of one per event and table. Outside both, a statement runs
 * at once.
 *
 * <p>Statements run in the order of their {@link Step}, and within a step in the order each statement was first used,
 * each statement's rows in the order they were added. That keeps the order of one row's changes when a table has one
 * statement that creates its rows ({@link Step#CREATE}) and one that changes them ({@link Step#UPDATE}): an aggregate's
 * first event creates its row, so every creation may run before every change. A line that exists only when its row
 * reached the line's sequence runs after both ({@link Step#AFTER_ROWS}).
 *
 * <p>A failure of a held batch names no event. The next unit of work then runs every statement at once, inside the
 * handler of its event, so the dead-letter gate sees which record fails and parks it; the one after a successful commit
 * batches again. The gate asks for the same after any failure of a projection ({@link #oneByOneUntilCommit()}).
 */
@Repository
public class ReadModelWrites {

    /** When a statement runs among those held for a commit. */
    public enum Step {
        /** Creates a row (an aggregate's first event); a row that is already there stays as it is. */
        CREATE,
        /** Changes a row, guarded by its sequence; one such statement per table. */
        UPDATE,
        /** Writes what depends on a row having reached a sequence (the lines of a view). */
        AFTER_ROWS
    }

    /**
     * A statement of a projection, with named parameters ({@code :name}; no {@code ::} casts), turned into a JDBC
     * statement with positional parameters once: each row binds its values straight onto the prepared statement.
     */
    public static final class Statement {

        private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z][A-Za-z0-9]*)");

        private final Step step;
        private final String sql;
        private final List<String> parameters;

        public Statement(Step step, String namedSql) {
            if (namedSql.contains("::")) {
                throw new IllegalArgumentException("Write CAST(x AS type), not x::type: " + namedSql);
            }
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(namedSql);
            StringBuilder positional = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1));
                matcher.appendReplacement(positional, "?");
            }
            matcher.appendTail(positional);
            this.step = step;
            this.sql = positional.toString();
            this.parameters = List.copyOf(names);
        }

        public Step step() {
            return step;
        }

        /** The statement as JDBC runs it, with {@code ?} for each parameter. */
        String sql() {
            return sql;
        }

        /** The values in the order of the parameters; a parameter without a value is an error, not a null. */
        Object[] row(Map<String, ?> values) {
            Object[] row = new Object[parameters.size()];
            for (int i = 0; i < row.length; i++) {
                String name = parameters.get(i);
                Object value = values.get(name);
                if (value == null && !values.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name + " in " + sql);
                }
                row[i] = value;
            }
            return row;
        }

        void bind(PreparedStatement statement, Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, row[i]);
                }
            }
        }
    }

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final JdbcTemplate jdbc;
    private final AtomicBoolean oneByOne = new AtomicBoolean();
    /** This writer's statements in a unit of work (the service's writer and a rebuild's each have their own). */
    private final String resourceKey = ReadModelWrites.class.getName() + "#" + INSTANCES.incrementAndGet();

    public ReadModelWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code statement} with {@code values}, in the batch of the current unit of work when there is one. */
    public void write(Statement statement, Map<String, ?> values) {
        Held held = held();
        Object[] row = statement.row(values);
        if (held == null || held.oneByOne) {
            run(statement, List.<Object[]>of(row));
        } else {
            held.add(statement, row);
        }
    }

    /** Runs a statement at once, whatever is held (the reset of a read model before a replay). */
    public void writeNow(String sql) {
        jdbc.update(sql);
    }

    /** Makes the next units of work run every statement at once, until one of them commits. */
    public void oneByOneUntilCommit() {
        oneByOne.set(true);
    }

    private Held held() {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            return root.getOrComputeResource(resourceKey, key -> {
                Held held = new Held(oneByOne.get());
                root.onPrepareCommit(unitOfWork -> held.flush());
                if (held.oneByOne) {
                    root.afterCommit(unitOfWork -> oneByOne.set(false));
                }
                return held;
            });
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Held held = (Held) TransactionSynchronizationManager.getResource(this);
            if (held == null) {
                Held fresh = new Held(oneByOne.get());
                TransactionSynchronizationManager.bindResource(this, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        fresh.flush();
                    }

                    @Override
                    public void afterCommit() {
                        if (fresh.oneByOne) {
                            oneByOne.set(false);
                        }
                    }

                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(ReadModelWrites.this);
                    }
                });
                held = fresh;
            }
            return held;
        }
        return null;
    }

    /** Runs {@code statement} once per row, as one JDBC batch when there are several: one round trip. */
    private void run(Statement statement, List<Object[]> rows) {
        jdbc.execute(statement.sql(), (PreparedStatementCallback<Void>) prepared -> {
            if (rows.size() == 1) {
                statement.bind(prepared, rows.get(0));
                prepared.executeUpdate();
                return null;
            }
            for (Object[] row : rows) {
                statement.bind(prepared, row);
                prepared.addBatch();
            }
            prepared.executeBatch();
            return null;
        });
    }

    /** The statements held for one commit, per step, each with its rows in the order they came. */
    private final class Held {

        private final boolean oneByOne;
        private final Map<Step, Map<Statement, List<Object[]>>> steps = new EnumMap<>(Step.class);

        Held(boolean oneByOne) {
            this.oneByOne = oneByOne;
        }

        void add(Statement statement, Object[] row) {
            steps.computeIfAbsent(statement.step(), step -> new LinkedHashMap<>())
                    .computeIfAbsent(statement, key -> new ArrayList<>())
                    .add(row);
        }

        void flush() {
            try {
                for (Map<Statement, List<Object[]>> statements : steps.values()) {
                    statements.forEach(ReadModelWrites.this::run);
                }
            } catch (RuntimeException e) {
                ReadModelWrites.this.oneByOne.set(true);
                throw e;
            } finally {
                steps.clear();
            }
        }
    }
}
