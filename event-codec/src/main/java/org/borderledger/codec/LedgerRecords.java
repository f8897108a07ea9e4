package org.borderledger.codec;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.borderledger.events.EventCatalog;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.FieldLimits;

/**
 * Reads records of the event topic, trusting nothing because it is on the topic: the MAC first (with the configured
 * keys only), then the CloudEvents envelope, the source, the type (through {@link EventCatalog} only: an unknown name
 * loads no class), the envelope's values, and the data, which is decoded at once, in the current revision of its
 * type ({@link LedgerUpcasters}: a record published in an earlier revision reads as the current one). A record that passes is the domain
 * event it carries. Any other record becomes a {@link RejectedRecord} message with the reason, never an empty result:
 * the Kafka extension drops records for which a converter returns nothing, and nothing may be lost silently. Either
 * message carries the raw record under {@link #RECORD}, and both have the record key as aggregate id, so a rejected
 * record is sequenced with the aggregate it claims to belong to.
 */
public final class LedgerRecords implements KafkaMessageConverter<String, byte[]> {

    /** Metadata key of the {@link TopicRecord} a message was read from (a name no CloudEvents extension can have). */
    public static final String RECORD = "kafka.record";

    /** Aggregate type of the message that carries a {@link RejectedRecord}. */
    public static final String REJECTED = "RejectedRecord";

    private final Serializer serializer;
    private final URI source;
    private final RecordKeys keys;

    public LedgerRecords(Serializer serializer, URI source, RecordKeys keys) {
        this.serializer = serializer;
        this.source = source;
        this.keys = keys;
    }

    /** The outcome of reading one record: exactly one of event and rejection is present. */
    public record Decoded(DomainEventMessage<?> event, RecordRejection rejection) {

        public boolean accepted() {
            return event != null;
        }
    }

    /** Never used: the read side does not publish. */
    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        throw new UnsupportedOperationException("The read side does not publish; see LedgerCloudEvents");
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        TopicRecord record = TopicRecord.of(consumerRecord);
        Decoded decoded = decode(consumerRecord, record);
        return Optional.of(decoded.accepted() ? decoded.event() : rejected(record, decoded.rejection()));
    }

    /** The message that carries a record which did not decode, for the read side to park. */
    public static DomainEventMessage<RejectedRecord> rejected(TopicRecord record, RecordRejection rejection) {
        return new GenericDomainEventMessage<>(
                REJECTED,
                sequenceOf(record),
                0,
                new RejectedRecord(rejection.kind(), rejection.reason()),
                MetaData.with(RECORD, record));
    }

    /**
     * What the read side sequences a record by: its key (the aggregate id the record claims); for a key longer than
     * any aggregate id, its SHA-256; for a record without one, its own place on the topic. At most 80 characters.
     */
    public static String sequenceOf(TopicRecord record) {
        String key = record.key();
        if (key == null || key.isEmpty()) {
            return "unkeyed:" + record.partition() + "@" + record.offset();
        }
        return key.length() <= FieldLimits.ID ? key : "key-sha256:" + sha256(key);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Authenticates and decodes a record; never throws for anything the record holds. */
    public Decoded decode(TopicRecord record) {
        return decode(record.toConsumerRecord(), record);
    }

    private Decoded decode(ConsumerRecord<String, byte[]> consumerRecord, TopicRecord record) {
        try {
            return decodeOrThrow(consumerRecord, record);
        } catch (RuntimeException e) {
            return rejection(RecordRejection.Kind.MALFORMED, "The record does not decode: " + e);
        }
    }

    private Decoded decodeOrThrow(ConsumerRecord<String, byte[]> consumerRecord, TopicRecord record) {
        Optional<RecordRejection> unauthentic =
                RecordAuthentication.verify(keys, record.key(), consumerRecord.headers(), record.value());
        if (unauthentic.isPresent()) {
            return new Decoded(null, unauthentic.get());
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(consumerRecord).toEvent();
        } catch (RuntimeException e) {
            return rejection(RecordRejection.Kind.MALFORMED, "Not a CloudEvent in binary mode: " + e.getMessage());
        }
        if (!source.equals(cloudEvent.getSource())) {
            return rejection(
                    RecordRejection.Kind.OTHER_SOURCE,
                    "Source '" + cloudEvent.getSource() + "' is not the ledger's '" + source + "'");
        }
        Optional<Class<? extends Record>> payloadType = EventCatalog.classOf(cloudEvent.getType());
        if (payloadType.isEmpty()) {
            return rejection(
                    RecordRejection.Kind.UNKNOWN_TYPE,
                    "Type '" + cloudEvent.getType() + "' is not in the event catalogue");
        }
        String subject = cloudEvent.getSubject();
        if (subject == null || subject.isEmpty() || !subject.equals(record.key())) {
            return rejection(RecordRejection.Kind.IMPLAUSIBLE, "The subject is missing or not the record key");
        }
        if (subject.length() > FieldLimits.ID) {
            return rejection(
                    RecordRejection.Kind.IMPLAUSIBLE,
                    "The subject is longer than an aggregate id (" + FieldLimits.ID + " characters)");
        }
        String aggregateType = text(cloudEvent.getExtension(LedgerCloudEvents.AGGREGATE_TYPE));
        Long sequence = number(cloudEvent.getExtension(LedgerCloudEvents.AGGREGATE_SEQUENCE));
        Long position = number(cloudEvent.getExtension(EventMetadata.POSITION));
        if (aggregateType == null || aggregateType.isEmpty() || sequence == null || sequence < 0) {
            return rejection(RecordRejection.Kind.IMPLAUSIBLE, "The aggregate type or sequence is missing or negative");
        }
        if (position == null || position < 1) {
            return rejection(RecordRejection.Kind.IMPLAUSIBLE, "The position is missing or below 1");
        }
        if (cloudEvent.getData() == null || !"application/json".equals(cloudEvent.getDataContentType())) {
            return rejection(RecordRejection.Kind.MALFORMED, "The record has no JSON data");
        }
        Object payload;
        try {
            payload = LedgerUpcasters.deserialize(
                    serializer,
                    cloudEvent.getData().toBytes(),
                    cloudEvent.getType(),
                    text(cloudEvent.getExtension(LedgerCloudEvents.EVENT_REVISION)));
        } catch (RuntimeException e) {
            return rejection(
                    RecordRejection.Kind.MALFORMED,
                    "The data is not the JSON of " + cloudEvent.getType() + ": " + rootMessage(e));
        }
        if (!payloadType.get().isInstance(payload)) {
            return rejection(RecordRejection.Kind.MALFORMED, "The data did not read as " + cloudEvent.getType());
        }
        Map<String, Object> metadata = new HashMap<>();
        for (String name : cloudEvent.getExtensionNames()) {
            if (!LedgerCloudEvents.ENVELOPE_EXTENSIONS.contains(name)) {
                metadata.put(name, text(cloudEvent.getExtension(name)));
            }
        }
        metadata.put(EventMetadata.POSITION, position);
        metadata.put(RECORD, record);
        Instant recordedAt = Optional.ofNullable(cloudEvent.getTime())
                .map(OffsetDateTime::toInstant)
                .orElseGet(() -> Instant.ofEpochMilli(record.timestamp()));
        return new Decoded(
                new GenericDomainEventMessage<>(
                        aggregateType, subject, sequence, payload, metadata, cloudEvent.getId(), recordedAt),
                null);
    }

    /** The global position an event read from Kafka had in the event store, if the writer recorded it. */
    public static Optional<Long> positionOf(EventMessage<?> event) {
        return Optional.ofNullable(event.getMetaData().get(EventMetadata.POSITION))
                .map(value -> value instanceof Number number ? number.longValue() : Long.parseLong(value.toString()));
    }

    /** The raw record a message was read from, if it was read from the topic. */
    public static Optional<TopicRecord> recordOf(EventMessage<?> event) {
        return event.getMetaData().get(RECORD) instanceof TopicRecord record ? Optional.of(record) : Optional.empty();
    }

    private static Decoded rejection(RecordRejection.Kind kind, String reason) {
        return new Decoded(null, new RecordRejection(kind, reason));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
