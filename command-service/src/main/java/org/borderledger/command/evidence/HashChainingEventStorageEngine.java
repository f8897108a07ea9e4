package org.borderledger.command.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.borderledger.evidence.EventHash;

/**
 * Decorates the event store's storage engine so that every appended event carries its {@code hash}, the
 * {@code previoushash} of its aggregate's previous event and the {@code hashversion} its hash was computed with
 * ({@link EventHash}; see {@link TamperEvidence}). Everything else is delegated.
 *
 * <p>The hash covers the payload bytes exactly as stored: the payload is serialized here, once, with the storage
 * engine's own event serializer, and the event handed to the engine returns those very bytes when the engine serializes
 * it. The previous hash comes from the events of the same call or unit of work, else from one read of the aggregate's
 * previous event (an indexed lookup on aggregate id and sequence number). No lock is taken: writers of different
 * aggregates never wait for each other, and two writers of one aggregate still meet at the unique sequence number.
 */
public final class HashChainingEventStorageEngine implements EventStorageEngine {

    private static final String LINKS = HashChainingEventStorageEngine.class.getName() + ".links";

    private static final ObjectMapper json = new ObjectMapper();

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final TransactionManager transactions;

    /**
     * @param delegate the engine that stores the events
     * @param eventSerializer the serializer {@code delegate} stores payloads and metadata with
     * @param transactions the transactions {@code delegate} runs in, so the look-up and the append share one
     */
    public HashChainingEventStorageEngine(
            EventStorageEngine delegate, Serializer eventSerializer, TransactionManager transactions) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.transactions = transactions;
    }

    /** The last hash of an aggregate this engine appended. */
    private record Link(long sequenceNumber, String hash) {}

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            delegate.appendEvents(events);
            return;
        }
        transactions.executeInTransaction(() -> {
            Map<String, Link> known = linksOfThisUnitOfWork();
            Map<String, Link> appended = new HashMap<>();
            List<EventMessage<?>> hashed = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                hashed.add(hashed(event, known, appended));
            }
            delegate.appendEvents(hashed);
            known.putAll(appended);
        });
    }

    private <T> DomainEventMessage<T> hashed(
            EventMessage<T> event, Map<String, Link> known, Map<String, Link> appended) {
        // stored as the JDBC engine stores any event: a non-domain event is its own aggregate, at sequence 0
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> message ? message : null;
        String aggregateId = domain != null ? domain.getAggregateIdentifier() : event.getIdentifier();
        long sequence = domain != null ? domain.getSequenceNumber() : 0L;
        String aggregateType = domain != null ? domain.getType() : null;
        Instant timestamp = event.getTimestamp();

        String previousHash = sequence == 0 ? "" : previousHash(aggregateId, sequence, known, appended);
        MetaData metaData = event.getMetaData()
                .withoutKeys(EventHash.KEYS)
                .and(EventHash.VERSION, String.valueOf(EventHash.CURRENT));
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        String hash;
        try {
            hash = EventHash.of(
                    EventHash.CURRENT,
                    new EventHash.Content(
                            aggregateType,
                            aggregateId,
                            sequence,
                            event.getIdentifier(),
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            DateTimeUtils.formatInstant(timestamp),
                            payload.getData(),
                            asStored(metaData)),
                    previousHash);
        } catch (IOException e) {
            throw new UncheckedIOException("The event serializer wrote a payload that is not JSON", e);
        }
        appended.put(aggregateId, new Link(sequence, hash));
        return new SerializedPayloadEvent<>(
                aggregateType,
                aggregateId,
                sequence,
                new GenericMessage<>(
                        event.getIdentifier(),
                        event.getPayloadType(),
                        event.getPayload(),
                        metaData.and(EventHash.PREVIOUS_HASH, previousHash).and(EventHash.HASH, hash)),
                timestamp,
                eventSerializer,
                payload);
    }

    /** The metadata as the engine will store it: the serializer's JSON, read back as a tree. */
    private ObjectNode asStored(MetaData metaData) throws IOException {
        JsonNode stored =
                json.readTree(eventSerializer.serialize(metaData, byte[].class).getData());
        if (!(stored instanceof ObjectNode object)) {
            throw new IOException("The event serializer wrote metadata that is not a JSON object");
        }
        return object;
    }

    private String previousHash(
            String aggregateId, long sequence, Map<String, Link> known, Map<String, Link> appended) {
        Link link = appended.containsKey(aggregateId) ? appended.get(aggregateId) : known.get(aggregateId);
        if (link != null && link.sequenceNumber() == sequence - 1) {
            return link.hash();
        }
        DomainEventStream stored = delegate.readEvents(aggregateId, sequence - 1);
        if (stored.hasNext() && stored.peek().getSequenceNumber() == sequence - 1) {
            Object hash = stored.peek().getMetaData().get(EventHash.HASH);
            return hash == null ? "" : hash.toString();
        }
        return "";
    }

    private static Map<String, Link> linksOfThisUnitOfWork() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().<Map<String, Link>>getOrComputeResource(LINKS, key -> new HashMap<>())
                : new HashMap<>();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    /** A domain event that hands the engine the payload bytes its hash was computed over. */
    private static final class SerializedPayloadEvent<T> extends GenericDomainEventMessage<T> {

        private final Serializer serializer;
        private final SerializedObject<byte[]> payload;

        SerializedPayloadEvent(
                String type,
                String aggregateIdentifier,
                long sequenceNumber,
                GenericMessage<T> delegate,
                Instant timestamp,
                Serializer serializer,
                SerializedObject<byte[]> payload) {
            super(type, aggregateIdentifier, sequenceNumber, delegate, timestamp);
            this.serializer = serializer;
            this.payload = payload;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> SerializedObject<R> serializePayload(Serializer serializer, Class<R> expectedRepresentation) {
            if (serializer == this.serializer && expectedRepresentation == byte[].class) {
                return (SerializedObject<R>) payload;
            }
            return super.serializePayload(serializer, expectedRepresentation);
        }
    }
}
