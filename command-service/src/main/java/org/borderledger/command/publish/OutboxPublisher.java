package org.borderledger.command.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.borderledger.command.store.StorePositions;

/**
 * The outbox's publishing step, in the tracking processor {@value #PROCESSING_GROUP}. The events of a batch are
 * collected, then, before the batch commits, sent to Kafka at once (the producer pipelines them) and every broker
 * acknowledgement awaited. The processor's token is stored in the same transaction, so it only moves once Kafka has
 * acknowledged every event of the batch (acks=all, idempotent producer): at-least-once, without one round trip per
 * event. A failed or late acknowledgement fails the batch; the processor retries it from the previous token.
 *
 * <p>Each event carries its own global index as its position, read from the store with one query per batch. (The
 * tracking token of an event that commits after a later-numbered one, filling a gap, names the highest index seen, not
 * the event's own.)
 */
@ProcessingGroup(OutboxPublisher.PROCESSING_GROUP)
class OutboxPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private static final String BATCH = OutboxPublisher.class.getName() + ".batch";

    private final TopicWriter writer;
    private final StorePositions positions;

    OutboxPublisher(TopicWriter writer, StorePositions positions) {
        this.writer = writer;
        this.positions = positions;
    }

    @EventHandler
    void publish(EventMessage<?> event) {
        batch().add(event);
    }

    /** The events of the current batch, published once before it commits. */
    private List<EventMessage<?>> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<EventMessage<?>> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> publishAll(events));
            return events;
        });
    }

    private void publishAll(List<EventMessage<?>> events) {
        Map<String, Long> positions = this.positions.of(
                events.stream().map(EventMessage::getIdentifier).toList());
        List<Map.Entry<Long, DomainEventMessage<?>>> positioned = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new EventPublicationFailedException(
                        "Event " + event.getIdentifier() + " belongs to no aggregate; only aggregate events are stored",
                        null);
            }
            Long position = positions.get(event.getIdentifier());
            if (position == null) {
                throw new EventPublicationFailedException(
                        "Event " + event.getIdentifier() + " is not in domain_event_entry", null);
            }
            positioned.add(Map.entry(position, domainEvent));
        }
        try {
            writer.sendAll(positioned);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("Interrupted while waiting for Kafka's acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailedException(
                    "Kafka did not acknowledge all " + events.size() + " events of the batch", e);
        }
    }
}
