package org.borderledger.query.segments;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shares the projections' segments (one per partition) fairly between the live query-service instances of one
 * read-model database. Each instance says it is alive in {@code projection_member} every balance interval; an
 * instance that holds more than its share (segments divided by live instances, rounded up) releases the rest for a
 * member timeout, and the others' processors claim them (they look for unclaimed segments every second). A segment
 * changes hands only between batches: the releasing worker commits its batch, with its token, first; the claiming one
 * starts after that token. The segments of an instance that died are claimed once its claims time out
 * ({@code ledger.tokens.claim-timeout}).
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String PROCESSOR = ProcessedOffsetRepository.PROCESSOR;
    /** Rounds between two looks at the topic's partition count (a partition added gets its segment). */
    private static final int LAYOUT_EVERY = 15;

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final ProjectionSegments segments;
    private final JdbcClient jdbc;
    private final SegmentProperties properties;
    private ScheduledExecutorService timer;
    private int rounds;
    /** What the last round released (a segment in the middle of a batch goes once the batch committed). */
    private List<Integer> lastReleased = List.of();

    SegmentBalancer(
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            ProjectionSegments segments,
            JdbcClient jdbc,
            SegmentProperties properties) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.segments = segments;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.balanceInterval().toMillis();
        timer.scheduleWithFixedDelay(this::round, 0, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        leave();
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    @PreDestroy
    void close() {
        stop();
    }

    void round() {
        try {
            if (rounds++ % LAYOUT_EVERY == LAYOUT_EVERY - 1) {
                segments.ensure();
            }
            int live = alive();
            processor().ifPresent(processor -> balance(processor, live));
        } catch (RuntimeException e) {
            log.warn("Balancing the projections' segments failed: {}", e.toString());
        }
    }

    /** Says this instance is alive; how many instances are, this one included. */
    int alive() {
        jdbc.sql("INSERT INTO projection_member (node_id, seen_at) VALUES (:node, now())"
                        + " ON CONFLICT (node_id) DO UPDATE SET seen_at = now()")
                .param("node", properties.node())
                .update();
        long seconds = Math.max(1, properties.memberTimeout().toSeconds());
        jdbc.sql("DELETE FROM projection_member WHERE seen_at < now() - make_interval(secs => :gone)")
                .param("gone", seconds * 10)
                .update();
        Long live = jdbc.sql("SELECT count(*) FROM projection_member WHERE seen_at > now() - make_interval(secs => :s)")
                .param("s", seconds)
                .query(Long.class)
                .single();
        return (int) Math.max(1, live);
    }

    private void balance(TrackingEventProcessor processor, int live) {
        int total = tokenStore.fetchSegments(PROCESSOR).length;
        int share = (total + live - 1) / live;
        List<Integer> held =
                processor.processingStatus().keySet().stream().sorted().toList();
        if (held.size() <= share) {
            lastReleased = List.of();
            return;
        }
        List<Integer> released = held.subList(share, held.size());
        if (!released.equals(lastReleased)) {
            log.info(
                    "{} live instances share {} projections segments: releasing {} of this instance's {}",
                    live,
                    total,
                    released,
                    held);
        }
        lastReleased = List.copyOf(released);
        for (int segment : released) {
            processor.releaseSegment(segment, properties.memberTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void leave() {
        try {
            jdbc.sql("DELETE FROM projection_member WHERE node_id = :node")
                    .param("node", properties.node())
                    .update();
        } catch (RuntimeException e) {
            log.debug("Could not say this instance left: {}", e.toString());
        }
    }

    private Optional<TrackingEventProcessor> processor() {
        return processing.eventProcessor(PROCESSOR, TrackingEventProcessor.class);
    }
}
