package org.borderledger.command.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.borderledger.operations.jobs.BackgroundJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the event store again into the topic, from a position up to the highest position when it starts: pages of
 * events in global order, each written as the outbox writes it (same id, same data, its own position, signed), every
 * page sent at once and all its acknowledgements awaited before the progress moves. The read side applies each event
 * once whatever the number of copies on the topic (it deduplicates by aggregate sequence), so a re-publication changes
 * no read model that was right; it refills a topic that lost records, or a new topic, from which the read models can
 * then be rebuilt. One runs at a time ({@link BackgroundJobs}, its slot the re-publication lock); the outbox keeps
 * publishing new events meanwhile.
 */
class Republisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Republisher.class);
    private static final int PAGE = 500;
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private final RepublicationRepository republications;
    private final StoredEvents store;
    private final TopicWriter writer;
    private final Clock clock;
    private final BackgroundJobs jobs;

    Republisher(RepublicationRepository republications, StoredEvents store, TopicWriter writer, Clock clock) {
        this.republications = republications;
        this.store = store;
        this.writer = writer;
        this.clock = clock;
        this.jobs =
                new BackgroundJobs("republication", republications.slot(STALE_AFTER), clock, HEARTBEAT, STALE_AFTER);
    }

    /** Starts re-publishing from {@code fromPosition}; {@link RepublicationBusy} when one is running. */
    Republication start(long fromPosition, String requestedBy) {
        return jobs.start(
                id -> {
                    Instant now = clock.instant();
                    long to = store.head();
                    Republication republication = new Republication(
                            id,
                            Republication.Status.RUNNING,
                            requestedBy,
                            fromPosition,
                            to,
                            store.count(fromPosition, to),
                            0,
                            null,
                            now,
                            now,
                            null,
                            null);
                    republications.insert(republication);
                    log.info(
                            "Re-publication {} requested by {}: positions {} to {} ({} events) into {}",
                            id,
                            requestedBy,
                            fromPosition,
                            to,
                            republication.eventsTotal(),
                            writer.topic());
                    return republication;
                },
                republications::touch,
                (republication, heartbeat) -> run(republication));
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
                && jobs.abandoned(republication.id(), republication.updatedAt())) {
            republications.finish(
                    republication.id(),
                    Republication.Status.INTERRUPTED,
                    "The service running it stopped before it completed",
                    clock.instant());
            jobs.release(republication.id());
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
                List<Map.Entry<Long, DomainEventMessage<?>>> page = store.page(after, republication.toPosition(), PAGE);
                if (page.isEmpty()) {
                    break;
                }
                writer.sendAll(page);
                published += page.size();
                after = page.get(page.size() - 1).getKey();
                republications.progress(id, published, after, clock.instant());
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
            }
            republications.finish(id, Republication.Status.COMPLETED, null, clock.instant());
            log.info("Re-publication {} completed: {} events published into {}", id, published, writer.topic());
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
        }
    }

    /** Interrupts a running re-publication (it records itself INTERRUPTED). */
    @Override
    public void close() {
        jobs.close();
    }
}
