package org.borderledger.command.publish;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerUpcasters;
import org.borderledger.command.store.StorePositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes the event store again into the topic, from a position up to the highest position when it starts: pages of
 * events in global order, each written as the outbox writes it (same id, same data, its own position, signed), every
 * page sent at once and all its acknowledgements awaited before the progress moves. The read side applies each event
 * once whatever the number of copies on the topic (it deduplicates by aggregate sequence), so a re-publication changes
 * no read model that was right; it refills a topic that lost records, or a new topic, from which the read models can
 * then be rebuilt. One runs at a time; the outbox keeps publishing new events meanwhile.
 */
class Republisher {

    private static final Logger log = LoggerFactory.getLogger(Republisher.class);
    private static final int PAGE = 500;
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private final Republications republications;
    private final JdbcClient jdbc;
    private final StorePositions positions;
    private final Serializer serializer;
    private final LedgerCloudEvents records;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration acknowledgementTimeout;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "republication");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String runningHere;

    Republisher(
            Republications republications,
            JdbcClient jdbc,
            StorePositions positions,
            Serializer serializer,
            LedgerCloudEvents records,
            Producer<String, byte[]> producer,
            String topic,
            Duration acknowledgementTimeout,
            Clock clock) {
        this.republications = republications;
        this.jdbc = jdbc;
        this.positions = positions;
        this.serializer = serializer;
        this.records = records;
        this.producer = producer;
        this.topic = topic;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.clock = clock;
    }

    /** Starts re-publishing from {@code fromPosition}; {@link RepublicationBusy} when one is running. */
    Republication start(long fromPosition, String requestedBy) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        republications.acquire(id, now, STALE_AFTER).ifPresent(holder -> {
            throw new RepublicationBusy(holder);
        });
        Republication republication;
        try {
            long to = positions.head();
            long total = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index >= :from"
                            + " AND global_index <= :to")
                    .param("from", fromPosition)
                    .param("to", to)
                    .query(Long.class)
                    .single();
            republication = new Republication(
                    id,
                    Republication.Status.RUNNING,
                    requestedBy,
                    fromPosition,
                    to,
                    total,
                    0,
                    null,
                    now,
                    now,
                    null,
                    null);
            republications.insert(republication);
        } catch (RuntimeException e) {
            republications.release(id);
            throw e;
        }
        runningHere = id;
        log.info(
                "Re-publication {} requested by {}: positions {} to {} ({} events) into {}",
                id,
                requestedBy,
                fromPosition,
                republication.toPosition(),
                republication.eventsTotal(),
                topic);
        worker.execute(() -> run(republication));
        return republication;
    }

    /** A re-publication as it stands; a running one whose heartbeat stopped (its instance died) is interrupted. */
    Optional<Republication> find(String id) {
        return republications.find(id).map(this::interruptedIfAbandoned);
    }

    List<Republication> latest(int limit) {
        return republications.latest(limit).stream()
                .map(this::interruptedIfAbandoned)
                .toList();
    }

    private Republication interruptedIfAbandoned(Republication republication) {
        if (republication.status() == Republication.Status.RUNNING
                && !republication.id().equals(runningHere)
                && republication.updatedAt().plus(STALE_AFTER).isBefore(clock.instant())) {
            republications.finish(
                    republication.id(),
                    Republication.Status.INTERRUPTED,
                    "The service running it stopped before it completed",
                    clock.instant());
            republications.release(republication.id());
            return republications.find(republication.id()).orElse(republication);
        }
        return republication;
    }

    private void run(Republication republication) {
        String id = republication.id();
        long after = republication.fromPosition() - 1;
        long published = 0;
        try {
            while (true) {
                List<Map.Entry<Long, DomainEventMessage<?>>> page = page(after, republication.toPosition());
                if (page.isEmpty()) {
                    break;
                }
                List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(page.size());
                for (Map.Entry<Long, DomainEventMessage<?>> event : page) {
                    acknowledgements.add(
                            producer.send(records.createKafkaMessage(event.getValue(), topic, event.getKey())));
                }
                awaitAll(acknowledgements);
                published += page.size();
                after = page.get(page.size() - 1).getKey();
                republications.progress(id, published, after, clock.instant());
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
            }
            republications.finish(id, Republication.Status.COMPLETED, null, clock.instant());
            log.info("Re-publication {} completed: {} events published into {}", id, published, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            republications.finish(
                    id,
                    Republication.Status.INTERRUPTED,
                    "The service stopped during the re-publication",
                    clock.instant());
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.error("Re-publication {} failed after {} events", id, published, e);
            republications.finish(id, Republication.Status.FAILED, e.toString(), clock.instant());
        } finally {
            republications.release(id);
            runningHere = null;
        }
    }

    /** The next events after {@code after}, up to {@code to}, in global order, with their positions. */
    private List<Map.Entry<Long, DomainEventMessage<?>>> page(long after, long to) {
        return jdbc.sql("SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                        + " WHERE global_index > :after AND global_index <= :to ORDER BY global_index LIMIT :page")
                .param("after", after)
                .param("to", to)
                .param("page", PAGE)
                .query((rs, row) -> Map.<Long, DomainEventMessage<?>>entry(
                        rs.getLong("global_index"),
                        new GenericDomainEventMessage<>(
                                rs.getString("type"),
                                rs.getString("aggregate_identifier"),
                                rs.getLong("sequence_number"),
                                LedgerUpcasters.deserialize(
                                        serializer,
                                        rs.getBytes("payload"),
                                        rs.getString("payload_type"),
                                        rs.getString("payload_revision")),
                                metaData(rs.getBytes("meta_data")),
                                rs.getString("event_identifier"),
                                DateTimeUtils.parseInstant(rs.getString("time_stamp")))))
                .list();
    }

    private MetaData metaData(byte[] bytes) {
        if (bytes == null) {
            return MetaData.emptyInstance();
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, MetaData.class.getName(), null));
    }

    private void awaitAll(List<Future<RecordMetadata>> acknowledgements)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
