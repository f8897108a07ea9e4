package org.borderledger.query;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventMetadata;

/** Events as the projections receive them, kept in a list instead of written to the topic. */
public final class EventList implements SampleHistory.Sink {

    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private long position;

    @Override
    public long send(String aggregateType, String aggregateId, long sequence, Object payload) {
        events.add(new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, payload, MetaData.with(EventMetadata.POSITION, ++position)));
        return position;
    }

    @Override
    public void repeatLast() {
        events.add(events.get(events.size() - 1));
    }

    public List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }
}
