package org.borderledger.command.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.borderledger.command.store.StorePositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the event store, read from the database every {@code ledger.metrics.refresh} (10 s) on a thread of their
 * own, so a scrape never waits for a query and every instance reports the same figures:
 *
 * <ul>
 *   <li>{@code ledger.store.head}: the highest position in the store;
 *   <li>{@code ledger.publisher.lag.events} and {@code ledger.publisher.lag.seconds}: how many positions the
 *       {@code kafka-publisher} token is behind the head, and how long ago the oldest event past the token was recorded
 *       (0 when the publisher is caught up);
 *   <li>{@code ledger.seal.lag.events}: positions between the head and the last checkpoint of the global seal;
 *   <li>{@code ledger.idempotency.keys}: rows of the idempotency-key table.
 * </ul>
 *
 * The publisher's token is read from {@code token_entry} without claiming it. A figure that cannot be read (the
 * database is down) is reported as NaN until it can.
 */
@Component
class StoreGauges implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);

    record Figures(long head, long published, double publisherLagSeconds, long sealed, long idempotencyKeys) {

        static final Figures UNKNOWN = new Figures(-1, -1, Double.NaN, -1, -1);

        double publisherLag() {
            return head < 0 ? Double.NaN : Math.max(0, head - published);
        }

        double sealLag() {
            return head < 0 ? Double.NaN : Math.max(0, head - sealed);
        }
    }

    private final JdbcClient jdbc;
    private final StorePositions positions;
    private final Clock clock;
    private final AtomicReference<Figures> figures = new AtomicReference<>(Figures.UNKNOWN);
    private final ScheduledExecutorService refresher;

    StoreGauges(JdbcClient jdbc, StorePositions positions, @Value("${ledger.metrics.refresh:10s}") Duration refresh) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.clock = Clock.systemUTC();
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-store-gauges");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "ledger.store.head",
                        figures,
                        f -> f.get().head() < 0 ? Double.NaN : f.get().head())
                .description("Highest position in the event store")
                .register(registry);
        Gauge.builder("ledger.publisher.lag.events", figures, f -> f.get().publisherLag())
                .description("Positions the Kafka publisher is behind the event store's head")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("ledger.publisher.lag.seconds", figures, f -> f.get().publisherLagSeconds())
                .description("Age of the oldest event not yet published to Kafka (0 when caught up)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("ledger.seal.lag.events", figures, f -> f.get().sealLag())
                .description("Positions between the event store's head and the global seal's last checkpoint")
                .baseUnit("events")
                .register(registry);
        Gauge.builder(
                        "ledger.idempotency.keys",
                        figures,
                        f -> f.get().idempotencyKeys() < 0
                                ? Double.NaN
                                : f.get().idempotencyKeys())
                .description("Rows of the idempotency-key table")
                .register(registry);
    }

    void refresh() {
        try {
            long head = positions.head();
            long published = positions.publishedWithoutGaps().orElse(0);
            double lagSeconds = 0;
            if (published < head) {
                List<String> oldest = jdbc.sql("SELECT time_stamp FROM domain_event_entry WHERE global_index > :p"
                                + " ORDER BY global_index LIMIT 1")
                        .param("p", published)
                        .query(String.class)
                        .list();
                lagSeconds = oldest.isEmpty()
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(Instant.parse(oldest.get(0)), clock.instant())
                                                .toMillis()
                                        / 1000.0);
            }
            long sealed = jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM event_seal")
                    .query(Long.class)
                    .single();
            long keys = jdbc.sql("SELECT COUNT(*) FROM idempotency_key")
                    .query(Long.class)
                    .single();
            figures.set(new Figures(head, published, lagSeconds, sealed, keys));
        } catch (RuntimeException e) {
            log.debug("Store gauges not refreshed: {}", e.toString());
            figures.set(Figures.UNKNOWN);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
