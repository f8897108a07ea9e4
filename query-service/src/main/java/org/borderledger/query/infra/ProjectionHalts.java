package org.borderledger.query.infra;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections stop on a JVM {@link Error} ({@code OutOfMemoryError}, {@code StackOverflowError}, …) thrown while a
 * record is decoded or projected, or while a batch commits: the error is the instance's, not the record's, so nothing
 * is parked. The instance says it is broken (liveness {@link LivenessState#BROKEN}, and this health indicator DOWN,
 * which the liveness group includes), so an orchestrator restarts it, and it projects nothing more until then: the batch is rolled back, the processor stops
 * in its error state, the dead-letter gate refuses every record and no stream opens. After a restart the processor
 * resumes at its committed token, so the record is read and projected again.
 *
 * <p>The record at which it stopped is counted in {@code projection_halt} (in a transaction of its own, since the
 * batch's is rolled back): the count grows while the instance stops at the same partition and offset after each
 * restart. Once it reaches {@link TopicReading#restartsBeforeParking()}, the record is no longer decoded: it is parked
 * for an admin to decide ({@link #parkInstead}). The row goes once the record is applied or parked ({@link #settled}).
 */
@Component
@DependsOnDatabaseInitialization
public class ProjectionHalts implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ProjectionHalts.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String topic;
    private final int restartsBeforeParking;
    private final Map<Integer, Place> stoppedAt = new ConcurrentHashMap<>();
    private volatile String halted;

    /** Where the instance stopped in a partition, and how many times in a row. */
    record Place(long offset, int restarts) {}

    ProjectionHalts(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock,
            TopicReading reading,
            @Value("${axon.kafka.default-topic}") String topic) {
        this.jdbc = JdbcClient.create(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.topic = topic;
        this.restartsBeforeParking = reading.restartsBeforeParking();
        jdbc.sql("SELECT record_partition, record_offset, restarts FROM projection_halt WHERE topic = :topic")
                .param("topic", topic)
                .query((rs, row) -> Map.entry(
                        rs.getInt("record_partition"), new Place(rs.getLong("record_offset"), rs.getInt("restarts"))))
                .list()
                .forEach(entry -> stoppedAt.put(entry.getKey(), entry.getValue()));
    }

    /** The JVM error in {@code failure} or its causes, if there is one: a reason to stop, never to park. */
    public static Optional<Error> jvmError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Error error) {
                return Optional.of(error);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Stops the projections on {@code error}, thrown at the record at {@code partition} and {@code offset} of the
     * topic, or at no record in particular when {@code offset} is negative (a batch's commit). Only the first error
     * counts; the instance stays stopped until it is restarted.
     */
    public void halt(int partition, long offset, Throwable error) {
        synchronized (this) {
            if (halted != null) {
                return;
            }
            halted = (offset < 0 ? "" : "at " + topic + "-" + partition + "@" + offset + ": ") + error;
        }
        log.error("The projections stop: a JVM error {}; the instance reports itself broken", halted, error);
        if (offset >= 0) {
            count(partition, offset, error);
        }
        AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
    }

    private void count(int partition, long offset, Throwable error) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                            """
                            INSERT INTO projection_halt
                                (topic, record_partition, record_offset, restarts, last_error, last_halt_at)
                            VALUES (:topic, :partition, :offset, 1, :error, :at)
                            ON CONFLICT (topic, record_partition) DO UPDATE SET
                                restarts = CASE WHEN projection_halt.record_offset = EXCLUDED.record_offset
                                                THEN projection_halt.restarts + 1 ELSE 1 END,
                                record_offset = EXCLUDED.record_offset,
                                last_error = EXCLUDED.last_error,
                                last_halt_at = EXCLUDED.last_halt_at""")
                    .param("topic", topic)
                    .param("partition", partition)
                    .param("offset", offset)
                    .param(
                            "error",
                            String.valueOf(error)
                                    .substring(
                                            0,
                                            Math.min(2000, String.valueOf(error).length())))
                    .param("at", java.sql.Timestamp.from(clock.instant()))
                    .update());
        } catch (RuntimeException | Error e) {
            log.error("Could not count the stop at {}-{}@{}", topic, partition, offset, e);
        }
    }

    /**
     * The application says it is live once it has started; projections that stopped during the start (the processor
     * starts with the context) keep it broken.
     */
    @EventListener(ApplicationReadyEvent.class)
    void stayBrokenOnceStarted() {
        if (halted != null) {
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    /** Whether the projections stopped on a JVM error: they project nothing more in this instance. */
    public boolean halted() {
        return halted != null;
    }

    /** Fails when the projections stopped: for whatever would project or read on. */
    public void refuseIfHalted() {
        String reason = halted;
        if (reason != null) {
            throw new ProjectionsHalted(reason);
        }
    }

    /**
     * Why the record at {@code partition} and {@code offset} of {@code topic} is to be parked undecoded: the instance
     * stopped on it after each of {@link TopicReading#restartsBeforeParking()} restarts in a row.
     */
    public Optional<String> parkInstead(String recordTopic, int partition, long offset) {
        if (stoppedAt.isEmpty() || !topic.equals(recordTopic)) {
            return Optional.empty();
        }
        Place place = stoppedAt.get(partition);
        if (place == null || place.offset() != offset || place.restarts() < restartsBeforeParking) {
            return Optional.empty();
        }
        return Optional.of("The instance stopped on a JVM error at this record " + place.restarts()
                + " times in a row; parked undecoded for an admin to decide");
    }

    /**
     * The record at {@code partition} and {@code offset} was applied or parked, in the transaction that commits it: a
     * count of stops at it goes with that transaction.
     */
    public void settled(String recordTopic, int partition, long offset) {
        if (stoppedAt.isEmpty() || !topic.equals(recordTopic)) {
            return;
        }
        Place place = stoppedAt.get(partition);
        if (place != null && place.offset() == offset) {
            jdbc.sql("DELETE FROM projection_halt WHERE topic = :topic AND record_partition = :partition"
                            + " AND record_offset = :offset")
                    .param("topic", topic)
                    .param("partition", partition)
                    .param("offset", offset)
                    .update();
            stoppedAt.remove(partition, place);
        }
    }

    /** DOWN once the projections stopped on a JVM error, with where and why. */
    @Override
    public Health health() {
        String reason = halted;
        return reason == null
                ? Health.up().build()
                : Health.down().withDetail("stopped", reason).build();
    }

    /** The projections stopped on a JVM error; the instance must be restarted. */
    public static final class ProjectionsHalted extends IllegalStateException {
        ProjectionsHalted(String reason) {
            super("The projections stopped on a JVM error " + reason + "; restart the instance");
        }
    }
}
