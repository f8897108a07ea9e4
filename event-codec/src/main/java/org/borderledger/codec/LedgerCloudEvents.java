package org.borderledger.codec;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.borderledger.events.EventMetadata;

/**
 * Writes every event as a CloudEvents 1.0 record in binary mode: the Kafka value is the event's plain JSON, the
 * attributes travel as {@code ce_*} headers. {@code type} is the stable event name, {@code subject} the aggregate id,
 * {@code source} the writing service, and the record key is the aggregate id so one aggregate's events stay in order
 * on one partition. Extensions carry the aggregate type and sequence, the event's global {@code position} in the event
 * store, and the submission metadata (who submitted it, under which request). The W3C trace context that Axon's
 * tracing writes into the metadata ({@code traceparent}, {@code tracestate}) travels the same way, as the CloudEvents
 * distributed-tracing extension, and is metadata again on the read side, where the projections continue the trace. A
 * consumer needs no Java class to read any of it.
 */
public final class LedgerCloudEvents implements KafkaMessageConverter<String, CloudEvent> {

    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";
    public static final String EVENT_REVISION = "eventrevision";
    private static final Set<String> ENVELOPE_EXTENSIONS = Set.of(AGGREGATE_TYPE, AGGREGATE_SEQUENCE, EVENT_REVISION);
    private static final Set<String> NUMERIC_METADATA = Set.of(EventMetadata.POSITION);

    private final Serializer serializer;
    private final URI source;

    public LedgerCloudEvents(Serializer serializer, URI source) {
        this.serializer = serializer;
        this.source = source;
    }

    @Override
    public ProducerRecord<String, CloudEvent> createKafkaMessage(EventMessage<?> event, String topic) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        CloudEventBuilder cloudEvent = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withSource(source)
                .withType(payload.getType().getName())
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(payload.getData());
        if (payload.getType().getRevision() != null) {
            cloudEvent.withExtension(EVENT_REVISION, payload.getType().getRevision());
        }
        String key = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            key = domainEvent.getAggregateIdentifier();
            cloudEvent
                    .withSubject(key)
                    .withExtension(AGGREGATE_TYPE, domainEvent.getType())
                    .withExtension(AGGREGATE_SEQUENCE, domainEvent.getSequenceNumber());
        }
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            tracked.trackingToken()
                    .position()
                    .ifPresent(position -> cloudEvent.withExtension(EventMetadata.POSITION, position));
        }
        event.getMetaData().forEach((name, value) -> {
            if (value != null && isExtensionName(name) && !ENVELOPE_EXTENSIONS.contains(name)) {
                cloudEvent.withExtension(name, value.toString());
            }
        });
        return new ProducerRecord<>(topic, null, null, key, cloudEvent.build());
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent cloudEvent = record.value();
        if (cloudEvent == null || cloudEvent.getData() == null || cloudEvent.getSubject() == null) {
            return Optional.empty();
        }
        SerializedObject<byte[]> payload = new SimpleSerializedObject<>(
                cloudEvent.getData().toBytes(),
                byte[].class,
                cloudEvent.getType(),
                text(cloudEvent.getExtension(EVENT_REVISION)));
        Map<String, Object> metadata = new HashMap<>();
        for (String name : cloudEvent.getExtensionNames()) {
            if (!ENVELOPE_EXTENSIONS.contains(name)) {
                String value = text(cloudEvent.getExtension(name));
                metadata.put(name, NUMERIC_METADATA.contains(name) ? Long.valueOf(value) : value);
            }
        }
        Instant recordedAt = Optional.ofNullable(cloudEvent.getTime())
                .map(OffsetDateTime::toInstant)
                .orElseGet(() -> Instant.ofEpochMilli(record.timestamp()));
        SerializedMessage<Object> message = new SerializedMessage<>(
                cloudEvent.getId(),
                new LazyDeserializingObject<Object>(payload, serializer),
                new LazyDeserializingObject<>(MetaData.from(metadata)));
        return Optional.of(new GenericDomainEventMessage<>(
                text(cloudEvent.getExtension(AGGREGATE_TYPE)),
                cloudEvent.getSubject(),
                Long.parseLong(text(cloudEvent.getExtension(AGGREGATE_SEQUENCE))),
                message,
                () -> recordedAt));
    }

    /** The global position an event read from Kafka had in the event store, if the writer recorded it. */
    public static Optional<Long> positionOf(EventMessage<?> event) {
        return Optional.ofNullable(event.getMetaData().get(EventMetadata.POSITION))
                .map(value -> value instanceof Number number ? number.longValue() : Long.parseLong(value.toString()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean isExtensionName(String name) {
        return !name.isEmpty()
                && name.length() <= 20
                && name.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
    }
}
