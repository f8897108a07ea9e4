package org.borderledger.query.infra;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    /** A statement of a projection, with named parameters. */
    public record Statement(Step step, String sql) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final AtomicBoolean oneByOne = new AtomicBoolean();

    public ReadModelWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code statement} with {@code values}, in the batch of the current unit of work when there is one. */
    public void write(Statement statement, Map<String, ?> values) {
        Held held = held();
        MapSqlParameterSource parameters = new MapSqlParameterSource(values);
        if (held == null || held.oneByOne) {
            jdbc.update(statement.sql(), parameters);
        } else {
            held.add(statement, parameters);
        }
    }

    /** Runs a statement at once, whatever is held (the reset of a read model before a replay). */
    public void writeNow(String sql) {
        jdbc.update(sql, Map.of());
    }

    /** Makes the next units of work run every statement at once, until one of them commits. */
    public void oneByOneUntilCommit() {
        oneByOne.set(true);
    }

    private Held held() {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            return root.getOrComputeResource(resourceKey(), key -> {
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

    private String resourceKey() {
        return ReadModelWrites.class.getName() + "@" + System.identityHashCode(this);
    }

    /** The statements held for one commit, per step, each with its rows in the order they came. */
    private final class Held {

        private final boolean oneByOne;
        private final Map<Step, Map<String, List<SqlParameterSource>>> steps = new EnumMap<>(Step.class);

        Held(boolean oneByOne) {
            this.oneByOne = oneByOne;
        }

        void add(Statement statement, SqlParameterSource parameters) {
            steps.computeIfAbsent(statement.step(), step -> new LinkedHashMap<>())
                    .computeIfAbsent(statement.sql(), sql -> new ArrayList<>())
                    .add(parameters);
        }

        void flush() {
            try {
                for (Map<String, List<SqlParameterSource>> statements : steps.values()) {
                    statements.forEach((sql, rows) -> {
                        if (rows.size() == 1) {
                            jdbc.update(sql, rows.get(0));
                        } else {
                            jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
                        }
                    });
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
