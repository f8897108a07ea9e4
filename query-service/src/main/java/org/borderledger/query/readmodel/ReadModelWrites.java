package org.borderledger.query.readmodel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The projections' writes, sent as JDBC batches: within a processor batch (an Axon unit of work) or a transaction,
 * every statement is held and sent just before the commit, one batch (one round trip) per statement where the order of
 * the rows allows it, so a batch of hundreds of events costs a few round trips per table instead of one per event and
 * table. Outside both, a statement runs at once.
 *
 * <p>The batching keeps the order that matters. The changes of one row (a statement {@linkplain Statement#onRow on a
 * row}, keyed by the table and the row's {@code :id}) run in the order they came, and a statement's rows go as one batch
 * as long as no row waits for another statement's change to the same row: the held rows are sent in rounds, each round
 * the statement of the oldest change still held, with every row of that statement that is next for its own row. A
 * statement {@linkplain Statement#afterRows after the rows} (a line that exists only once its row reached the line's
 * sequence) runs after every change of a row; an {@linkplain Statement#anyOrder independent} one (an insert that a
 * redelivery leaves as it is) first.
 *
 * <p>A failure of a held batch names no event. The next unit of work then runs every statement at once, inside the
 * handler of its event, so the dead-letter gate sees which record fails and parks it; the one after a successful commit
 * batches again. The gate asks for the same after any failure of a projection ({@link #oneByOneUntilCommit()}).
 */
@Component
public class ReadModelWrites {

    /** When a statement runs among those held for a commit. */
    enum Step {
        /** Rows whose order does not matter: inserts that leave a row already there as it is. */
        ANY_ORDER,
        /** Changes to one row, in the order they came. */
        ON_ROW,
        /** What depends on a row having reached a sequence (the lines of a view): after every change of a row. */
        AFTER_ROWS
    }

    /**
     * A statement of a projection, with named parameters ({@code :name}; no {@code ::} casts), turned into a JDBC
     * statement with positional parameters once: each row binds its values straight onto the prepared statement.
     */
    public static final class Statement {

        private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z][A-Za-z0-9]*)");

        private final Step step;
        private final String table;
        private final String sql;
        private final List<String> parameters;

        private Statement(Step step, String table, String namedSql) {
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
            if (step == Step.ON_ROW && !names.contains("id")) {
                throw new IllegalArgumentException("A statement on a row names the row as :id: " + namedSql);
            }
            this.step = step;
            this.table = table;
            this.sql = positional.toString();
            this.parameters = List.copyOf(names);
        }

        /** A statement whose rows may run in any order (an insert that leaves a row already there as it is). */
        public static Statement anyOrder(String namedSql) {
            return new Statement(Step.ANY_ORDER, null, namedSql);
        }

        /** A statement that creates or changes the row of {@code table} named by {@code :id}. */
        public static Statement onRow(String table, String namedSql) {
            return new Statement(Step.ON_ROW, table, namedSql);
        }

        /** A statement that runs after every change of a row held with it. */
        public static Statement afterRows(String namedSql) {
            return new Statement(Step.AFTER_ROWS, null, namedSql);
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

        /** The row a change applies to, for a statement on a row. */
        Object key(Map<String, ?> values) {
            return step == Step.ON_ROW ? List.of(table, String.valueOf(values.get("id"))) : null;
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
            held.add(statement, statement.key(values), row);
        }
    }

    /** Runs {@code statement} with the values of {@code row}, in the batch of the current unit of work. */
    public void write(Statement statement, Row row) {
        write(statement, row.values());
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

    /** One row of a statement held for a commit; {@code key} names the row it changes, for a statement on a row. */
    private record Write(int order, Statement statement, Object key, Object[] row) {}

    /** The statements held for one commit, in the order they came. */
    private final class Held {

        private final boolean oneByOne;
        private final List<Write> writes = new ArrayList<>();

        Held(boolean oneByOne) {
            this.oneByOne = oneByOne;
        }

        void add(Statement statement, Object key, Object[] row) {
            writes.add(new Write(writes.size(), statement, key, row));
        }

        void flush() {
            try {
                runEach(Step.ANY_ORDER);
                runRowChanges();
                runEach(Step.AFTER_ROWS);
            } catch (RuntimeException e) {
                ReadModelWrites.this.oneByOne.set(true);
                throw e;
            } finally {
                writes.clear();
            }
        }

        /** Every statement of {@code step} as one batch, in the order each was first used. */
        private void runEach(Step step) {
            Map<Statement, List<Object[]>> batches = new LinkedHashMap<>();
            for (Write write : writes) {
                if (write.statement().step == step) {
                    batches.computeIfAbsent(write.statement(), key -> new ArrayList<>())
                            .add(write.row());
                }
            }
            batches.forEach(ReadModelWrites.this::run);
        }

        /**
         * The changes of rows, each row's in the order they came: in rounds, each the statement of the oldest change
         * held, sent as one batch with every row for which a change of that statement comes next.
         */
        private void runRowChanges() {
            Map<Object, ArrayDeque<Write>> byRow = new LinkedHashMap<>();
            for (Write write : writes) {
                if (write.statement().step == Step.ON_ROW) {
                    byRow.computeIfAbsent(write.key(), key -> new ArrayDeque<>())
                            .add(write);
                }
            }
            while (!byRow.isEmpty()) {
                Statement next = byRow.values().stream()
                        .map(ArrayDeque::peekFirst)
                        .min(Comparator.comparingInt(Write::order))
                        .orElseThrow()
                        .statement();
                List<Object[]> batch = new ArrayList<>();
                for (Iterator<ArrayDeque<Write>> rows = byRow.values().iterator(); rows.hasNext(); ) {
                    ArrayDeque<Write> changes = rows.next();
                    while (!changes.isEmpty() && changes.peekFirst().statement() == next) {
                        batch.add(changes.pollFirst().row());
                    }
                    if (changes.isEmpty()) {
                        rows.remove();
                    }
                }
                run(next, batch);
            }
        }
    }
}
