package org.borderledger.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventMetadata;

/**
 * Feeds events to projections the way the tracking processor does: as domain event messages with an aggregate
 * sequence and a {@code position} in their metadata, through Axon's annotation handling (so parameter resolution such
 * as {@code @SequenceNumber} is exercised too). Positions count up from 1; sequences count up per aggregate.
 */
public final class EventFeed {

    private final List<AnnotationEventHandlerAdapter> handlers;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<DomainEventMessage<?>> published = new ArrayList<>();
    private long position;

    public EventFeed(Object... projections) {
        this.handlers = Arrays.stream(projections)
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
    }

    /** Publishes the next event of {@code aggregateId}; answers the message so a test can deliver it again. */
    public DomainEventMessage<?> publish(String aggregateId, Object payload) {
        return publish(aggregateId, payload, Map.of());
    }

    /** Publishes the next event of {@code aggregateId} with submission metadata such as the submitter and unit. */
    public DomainEventMessage<?> publish(String aggregateId, Object payload, Map<String, ?> metadata) {
        long sequence = sequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
        String packageName = payload.getClass().getPackageName();
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>(
                packageName.substring(packageName.lastIndexOf('.') + 1),
                aggregateId,
                sequence,
                payload,
                MetaData.from(metadata).and(EventMetadata.POSITION, ++position));
        published.add(message);
        deliver(message);
        return message;
    }

    /** Delivers a message (again), as Kafka's at-least-once delivery may. */
    public void deliver(DomainEventMessage<?> message) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            try {
                if (handler.canHandle(message)) {
                    handler.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Handler failed on " + message.getPayloadType().getSimpleName(), e);
            }
        }
    }

    /** Resets every projection, as the processor's {@code resetTokens()} does before a replay. */
    public void reset() {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            handler.prepareReset();
        }
    }

    /** Delivers every event published so far again, in order: the replay that follows a {@link #reset()}. */
    public void redeliverAll() {
        List.copyOf(published).forEach(this::deliver);
    }

    /** Every message published so far, in order. */
    public List<DomainEventMessage<?>> published() {
        return List.copyOf(published);
    }

    public long position() {
        return position;
    }
}
