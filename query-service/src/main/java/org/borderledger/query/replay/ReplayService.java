package org.borderledger.query.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.borderledger.operations.jobs.BackgroundJobs;
import org.borderledger.operations.jobs.Heartbeat;
import org.borderledger.query.deadletter.DeadLetterRepository;
import org.borderledger.query.rebuild.ReadModelJobContext;
import org.borderledger.query.rebuild.ReadModelLock;
import org.borderledger.query.rebuild.ReadModelsBusy;
import org.borderledger.query.rebuild.ReadModelsCoolingDown;
import org.borderledger.query.rebuild.TopicSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models from the start of the event topic, with Axon's replay support. A replay takes the read model
 * lock, notes the topic's span (the records it will have processed when done), then in the background: shuts the
 * {@code projections} processor down, rewinds its token to the start of the topic while the projections' reset
 * handlers empty every read model and the parked records are dropped, to be read again (one transaction), starts the processor again, and follows its committed token
 * until it has passed the end of the span. Reads stay answered meanwhile and say they come from a rebuild
 * ({@link RebuildingReads}).
 */
@Service
class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final ReplayRepository replays;
    private final ReadModelJobContext context;
    private final ProjectionsProcessor processor;
    private final RebuildState state;
    private final DeadLetterRepository deadLetters;
    private final TransactionTemplate transaction;

    ReplayService(
            ReplayRepository replays,
            ReadModelJobContext context,
            ProjectionsProcessor processor,
            RebuildState state,
            DeadLetterRepository deadLetters,
            PlatformTransactionManager transactions) {
        this.replays = replays;
        this.context = context;
        this.processor = processor;
        this.state = state;
        this.deadLetters = deadLetters;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Starts a replay; {@link ReadModelsBusy} when a replay or consistency check is running,
     * {@link ReadModelsCoolingDown} within the cooldown after the last one.
     */
    ReplayRecord start(String requestedBy) {
        return jobs().start(
                        id -> {
                            Instant now = context.now();
                            TopicSpan span = context.topic().span();
                            ReplayRecord replay = new ReplayRecord(
                                    id,
                                    ReplayStatus.RUNNING,
                                    requestedBy,
                                    span.total(),
                                    0,
                                    span,
                                    now,
                                    null,
                                    now,
                                    null,
                                    null);
                            replays.insert(replay);
                            state.started(id);
                            log.info(
                                    "Replay {} requested by {}: rebuilding the read models from {} records",
                                    id,
                                    requestedBy,
                                    replay.eventsTotal());
                            return replay;
                        },
                        replays::touch,
                        this::run);
    }

    /** A replay as it stands; a running one whose heartbeat stopped (its instance died) is marked interrupted. */
    Optional<ReplayRecord> find(String id) {
        return replays.find(id).map(this::interruptedIfAbandoned);
    }

    List<ReplayRecord> latest(int limit) {
        return replays.latest(limit).stream().map(this::interruptedIfAbandoned).toList();
    }

    private ReplayRecord interruptedIfAbandoned(ReplayRecord replay) {
        if (replay.status() == ReplayStatus.RUNNING
                && jobs().abandoned(replay.id(), replay.updatedAt())
                && replays.interrupt(
                        replay.id(), "The service running the replay stopped before it completed", context.now())) {
            jobs().release(replay.id());
            return replays.find(replay.id()).orElse(replay);
        }
        return replay;
    }

    private BackgroundJobs jobs() {
        return context.jobs().of(ReadModelLock.Kind.REPLAY);
    }

    private void run(ReplayRecord replay, Heartbeat heartbeat) {
        String id = replay.id();
        TopicSpan span = replay.span();
        long processed = 0;
        try {
            processor.shutDown();
            try {
                processor.rewind(() -> {
                    replays.markReset(id, context.now());
                    deadLetters.clearParked();
                });
                log.info("Replay {}: read models emptied, token rewound to the start of the topic", id);
            } finally {
                processor.start();
            }
            long lastProcessed = -1;
            Instant lastAdvance = context.now();
            while (true) {
                Instant now = context.now();
                processed = span.processed(context.offsets().read());
                if (processed >= span.total()) {
                    end(id, ReplayStatus.COMPLETED, processed, null);
                    log.info("Replay {} completed: {} records processed", id, processed);
                    return;
                }
                if (heartbeat.lost()) {
                    throw new IllegalStateException("The replay lost its lock (its heartbeat was late by more than "
                            + context.properties().staleAfter() + ")");
                }
                replays.progress(id, processed, now);
                if (processed != lastProcessed) {
                    lastProcessed = processed;
                    lastAdvance = now;
                } else if (Duration.between(lastAdvance, now)
                                .compareTo(context.properties().stallTimeout())
                        > 0) {
                    throw new IllegalStateException("The projections processed nothing for "
                            + context.properties().stallTimeout() + " at " + processed + " of " + span.total()
                            + " records; the processor keeps replaying, see its log");
                }
                Thread.sleep(context.properties().progressInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(id, ReplayStatus.INTERRUPTED, processed, "The service stopped during the replay");
        } catch (RuntimeException e) {
            log.error("Replay {} failed", id, e);
            end(id, ReplayStatus.FAILED, processed, e.toString());
        }
    }

    /** Records the end and releases the lock in one transaction, then stops marking reads. */
    private void end(String id, ReplayStatus status, long processed, String failure) {
        try {
            transaction.executeWithoutResult(tx -> {
                replays.finish(id, status, processed, failure, context.now());
                jobs().release(id);
            });
        } catch (RuntimeException e) {
            log.error("Replay {} ended {} but its end could not be recorded", id, status, e);
        } finally {
            state.finished(id);
        }
    }
}
