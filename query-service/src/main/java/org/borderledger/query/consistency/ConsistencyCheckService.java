package org.borderledger.query.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.borderledger.operations.jobs.BackgroundJobs;
import org.borderledger.operations.jobs.Heartbeat;
import org.borderledger.query.rebuild.ReadModelJobContext;
import org.borderledger.query.rebuild.ReadModelLock;
import org.borderledger.query.rebuild.ReadModelsBusy;
import org.borderledger.query.rebuild.ReadModelsCoolingDown;
import org.borderledger.query.rebuild.TopicSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks that the live read models are what the history makes of them. A check takes the read model lock (no replay
 * may empty the tables meanwhile), notes the topic's span, creates a shadow schema with the service's migrations,
 * applies the whole span to it with the service's own projections, waits for the live projections to have processed as
 * much, and then compares, on one connection in a repeatable-read snapshot of the live side: the offsets of the live
 * token are read first, the shadow is brought to exactly those offsets (when the live side moved on meanwhile, the
 * snapshot is retaken, a few times), and every read model table is compared row by row. The shadow schema is dropped
 * at the end, whatever happened.
 */
@Service
class ConsistencyCheckService {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyCheckService.class);
    private static final int SNAPSHOT_ATTEMPTS = 5;
    private static final Duration TOPIC_PATIENCE = Duration.ofSeconds(60);

    private final CheckRepository checks;
    private final ReadModelJobContext context;
    private final ShadowWorkspace workspace;

    ConsistencyCheckService(CheckRepository checks, ReadModelJobContext context, ShadowWorkspace workspace) {
        this.checks = checks;
        this.context = context;
        this.workspace = workspace;
    }

    /**
     * Starts a check; {@link ReadModelsBusy} when a replay or another check is running, {@link ReadModelsCoolingDown}
     * within the cooldown after the last one.
     */
    CheckRecord start(String requestedBy) {
        return jobs().start(
                        id -> {
                            TopicSpan span = context.topic().span();
                            checks.insert(id, requestedBy, span.total(), context.now());
                            log.info(
                                    "Consistency check {} requested by {}: rebuilding {} records into a shadow schema",
                                    id,
                                    requestedBy,
                                    span.total());
                            return new Started(checks.find(id).orElseThrow(), span);
                        },
                        checks::touch,
                        (started, heartbeat) -> run(started.check().id(), started.span(), heartbeat))
                .check();
    }

    /** A check as it stands; a running one whose heartbeat stopped (its instance died) is marked interrupted. */
    Optional<CheckRecord> find(String id) {
        return checks.find(id).map(this::interruptedIfAbandoned);
    }

    List<CheckRecord> latest(int limit) {
        return checks.latest(limit).stream().map(this::interruptedIfAbandoned).toList();
    }

    List<Difference> differences(String id) {
        return checks.differences(id);
    }

    private CheckRecord interruptedIfAbandoned(CheckRecord check) {
        if (check.status() == CheckStatus.RUNNING
                && jobs().abandoned(check.id(), check.updatedAt())
                && checks.fail(
                        check.id(),
                        CheckStatus.INTERRUPTED,
                        check.eventsApplied(),
                        "The service running the check stopped before it completed",
                        context.now())) {
            jobs().release(check.id());
            return checks.find(check.id()).orElse(check);
        }
        return check;
    }

    private BackgroundJobs jobs() {
        return context.jobs().of(ReadModelLock.Kind.CONSISTENCY_CHECK);
    }

    private record Started(CheckRecord check, TopicSpan span) {}

    private void run(String id, TopicSpan span, Heartbeat heartbeat) {
        long applied = 0;
        try {
            ShadowSchema.dropLeftovers(workspace.dataSource());
            Comparison comparison;
            try (ShadowSchema shadow = ShadowSchema.create(
                            workspace.dataSource(),
                            id.replace("-", "").substring(0, 12),
                            workspace.flyway().getConfiguration().getLocations());
                    ShadowReadModels models = ShadowReadModels.open(workspace.service(), shadow.dataSource());
                    ShadowFeed feed = new ShadowFeed(
                            context.topic().readerFrom(span),
                            workspace.records(),
                            workspace.deadLetters(),
                            workspace.deadLetters().parkedPlaces(context.topic().name()),
                            models,
                            span)) {
                Progress progress = new Progress(id);
                feed.applyUpTo(ShadowFeed.lastOffsets(span), TOPIC_PATIENCE, progress);
                log.info("Consistency check {}: {} events applied to {}", id, feed.events(), shadow.name());
                awaitLive(feed.applied());
                comparison = compare(shadow, feed, progress, heartbeat);
                applied = feed.events();
            }
            checks.complete(
                    id, applied, comparison.at(), comparison.positionGaps(), comparison.result(), context.now());
            log.info(
                    "Consistency check {} completed: {} rows of {} tables compared, {} differences",
                    id,
                    comparison.result().rowsCompared(),
                    comparison.result().tables().size(),
                    comparison.result().differences());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.fail(id, CheckStatus.INTERRUPTED, applied, "The service stopped during the check", context.now());
        } catch (RuntimeException | SQLException e) {
            log.error("Consistency check {} failed", id, e);
            checks.fail(id, CheckStatus.FAILED, applied, e.toString(), context.now());
        }
    }

    private record Comparison(
            Map<Integer, Long> at, Map<Integer, CheckRecord.Gap> positionGaps, TableComparison.Result result) {}

    /** Stores the first differences, counts them all, and keeps the check's progress current. */
    private final class Progress implements LongConsumer {

        private final String id;
        private long lastStored = System.nanoTime();
        private int kept;

        Progress(String id) {
            this.id = id;
        }

        @Override
        public void accept(long eventsApplied) {
            if (System.nanoTime() - lastStored
                    > context.properties().progressInterval().toNanos()) {
                checks.progress(id, eventsApplied, context.now());
                lastStored = System.nanoTime();
            }
        }

        void difference(Difference difference) {
            if (kept < context.properties().maxDifferences()) {
                checks.addDifference(id, kept++, difference);
            }
        }
    }

    /** Waits, at most {@code ledger.rebuild.live-wait}, until the live projections have processed what the shadow has. */
    private void awaitLive(Map<Integer, Long> rebuilt) throws InterruptedException {
        long deadline = System.nanoTime() + context.properties().liveWait().toNanos();
        while (behind(context.offsets().read(), rebuilt) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private Comparison compare(ShadowSchema shadow, ShadowFeed feed, Progress progress, Heartbeat heartbeat)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            if (heartbeat.lost()) {
                throw new IllegalStateException("The check lost the read model lock (its heartbeat was late by more"
                        + " than " + context.properties().staleAfter() + ")");
            }
            try (Connection connection = workspace.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                try {
                    Map<Integer, Long> live = context.offsets().read(connection);
                    if (feed.behind(live) && attempt < SNAPSHOT_ATTEMPTS) {
                        connection.rollback();
                        feed.applyUpTo(live, TOPIC_PATIENCE, progress);
                        continue;
                    }
                    Map<Integer, CheckRecord.Gap> positionGaps = gaps(live, feed.applied());
                    TableComparison.Result result = TableComparison.compare(
                            connection, connection.getSchema(), shadow.name(), progress::difference);
                    return new Comparison(new TreeMap<>(feed.applied()), positionGaps, result);
                } finally {
                    connection.rollback();
                }
            }
        }
    }

    private static boolean behind(Map<Integer, Long> live, Map<Integer, Long> rebuilt) {
        return rebuilt.entrySet().stream().anyMatch(entry -> live.getOrDefault(entry.getKey(), -1L) < entry.getValue());
    }

    /**
     * The partitions where the two sides are not at the same record: the live side behind the rebuild (it did not catch
     * up within the wait) or, rarely, ahead of it (it kept moving through every snapshot attempt).
     */
    private static Map<Integer, CheckRecord.Gap> gaps(Map<Integer, Long> live, Map<Integer, Long> rebuilt) {
        Map<Integer, CheckRecord.Gap> gaps = new TreeMap<>();
        Set<Integer> partitions = new TreeSet<>(live.keySet());
        partitions.addAll(rebuilt.keySet());
        for (Integer partition : partitions) {
            long liveOffset = live.getOrDefault(partition, -1L);
            long rebuiltOffset = rebuilt.getOrDefault(partition, -1L);
            if (liveOffset != rebuiltOffset) {
                gaps.put(partition, new CheckRecord.Gap(liveOffset, rebuiltOffset));
            }
        }
        return gaps;
    }
}
