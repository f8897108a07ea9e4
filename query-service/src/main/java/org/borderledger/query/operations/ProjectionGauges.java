package org.borderledger.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
import org.borderledger.query.rebuild.TopicLog;
import org.borderledger.query.rebuild.TopicSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.projection.lag.records}, one gauge per partition of the event topic (tag {@code partition}): records
 * on the partition that the projections have not yet committed, i.e. its end offset minus the offset after the last one
 * the {@code projections} tokens cover. Read every {@code ledger.metrics.refresh} (10 s) on a thread of its own, from
 * the broker's end offsets and the token table, so every instance sharing the database reports the same figures. A
 * partition whose figure cannot be read (broker or database down) reports NaN until it can.
 */
@Component
class ProjectionGauges implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionGauges.class);

    private final TopicLog topic;
    private final ProcessedOffsetRepository processed;
    private final Map<Integer, Double> lag = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;
    private volatile MeterRegistry registry;

    ProjectionGauges(
            TopicLog topic,
            ProcessedOffsetRepository processed,
            @Value("${ledger.metrics.refresh:10s}") Duration refresh) {
        this.topic = topic;
        this.processed = processed;
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-projection-gauges");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        lag.keySet().forEach(this::register);
    }

    void refresh() {
        try {
            TopicSpan span = topic.span();
            Map<Integer, Long> lastProcessed = processed.read();
            span.partitions().forEach((partition, range) -> {
                long next = lastProcessed.getOrDefault(partition, range.first() - 1) + 1;
                boolean known =
                        lag.put(partition, (double) Math.max(0, range.end() - Math.max(next, range.first()))) != null;
                if (!known) {
                    register(partition);
                }
            });
        } catch (RuntimeException e) {
            log.debug("Projection gauges not refreshed: {}", e.toString());
            lag.replaceAll((partition, value) -> Double.NaN);
        }
    }

    private void register(int partition) {
        MeterRegistry target = registry;
        if (target != null) {
            Gauge.builder("ledger.projection.lag.records", lag, figures -> figures.getOrDefault(partition, Double.NaN))
                    .description("Records of the event topic's partition not yet applied to the read models")
                    .baseUnit("records")
                    .tag("partition", String.valueOf(partition))
                    .register(target);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
