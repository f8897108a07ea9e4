package org.borderledger.codec;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.borderledger.events.EventMetadata;

/**
 * Writes every event as a CloudEvents 1.0 record in binary mode: the Kafka value is the event's plain JSON, the
 * attributes travel as {@code ce_*} headers. {@code type} is the stable event name, {@code subject} the aggregate id,
 * {@code source} the writing service, and the record key is the aggregate id so one aggregate's events stay in order
 * on one partition. Extensions carry the aggregate type and sequence, the event's global {@code position} in the event
 * store (given by the caller, who read it from the store), and the submission metadata. The W3C trace context that
 * Axon's tracing writes into the metadata ({@code traceparent}, {@code tracestate}) travels the same way, as the
 * CloudEvents distributed-tracing extension; {@link LedgerRecords} makes it metadata again, and the projections continue
 * the trace. {@code dataschema} is the URL of the JSON Schema of the data (the type and revision's file under
 * {@code contract/schemas}, served by the command service). Every record is signed ({@link RecordAuthentication}). A
 * consumer needs no Java class to read any of it.
 */
public final class LedgerCloudEvents {

    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";
    public static final String EVENT_REVISION = "eventrevision";

    /** The {@code source} of every record the ledger's command service writes. */
    public static final URI SOURCE = URI.create("urn:border-ledger:command-service");

    /** Extensions that are part of the envelope, not the event's metadata. */
    static final Set<String> ENVELOPE_EXTENSIONS =
            Set.of(AGGREGATE_TYPE, AGGREGATE_SEQUENCE, EVENT_REVISION, EventMetadata.POSITION, "mac", "keyid");

    /** Where the command service of the local run serves the schemas; a deployment sets its public URL. */
    public static final URI DEFAULT_SCHEMA_BASE = URI.create("http://localhost:8081/api/contract/schemas/");

    private final Serializer serializer;
    private final URI source;
    private final RecordKeys keys;
    private final URI schemaBase;

    public LedgerCloudEvents(Serializer serializer, URI source, RecordKeys keys) {
        this(serializer, source, keys, DEFAULT_SCHEMA_BASE);
    }

    /** A writer whose records name their schema under {@code schemaBase} (a URL that ends with {@code /}). */
    public LedgerCloudEvents(Serializer serializer, URI source, RecordKeys keys, URI schemaBase) {
        this.serializer = serializer;
        this.source = source;
        this.keys = keys;
        this.schemaBase = schemaBase;
    }

    /**
     * The file name of the JSON Schema of an event type in a revision: {@code MarkerPlanned.json} for an event without
     * revision, {@code IndicatorReported.r2.json} for revision {@code 2}.
     */
    public static String schemaFile(String type, String revision) {
        return revision == null ? type + ".json" : type + ".r" + revision + ".json";
    }

    /** The signed record of a stored {@code event}, which has {@code position} in the event store's global order. */
    public ProducerRecord<String, byte[]> createKafkaMessage(DomainEventMessage<?> event, String topic, long position) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        String key = event.getAggregateIdentifier();
        CloudEventBuilder cloudEvent = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withSource(source)
                .withType(payload.getType().getName())
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(payload.getData())
                .withSubject(key)
                .withDataSchema(schemaBase.resolve(schemaFile(
                        payload.getType().getName(), payload.getType().getRevision())))
                .withExtension(AGGREGATE_TYPE, event.getType())
                .withExtension(AGGREGATE_SEQUENCE, event.getSequenceNumber())
                .withExtension(EventMetadata.POSITION, position);
        if (payload.getType().getRevision() != null) {
            cloudEvent.withExtension(EVENT_REVISION, payload.getType().getRevision());
        }
        event.getMetaData().forEach((name, value) -> {
            if (value != null && isExtensionName(name) && !ENVELOPE_EXTENSIONS.contains(name)) {
                cloudEvent.withExtension(name, value.toString());
            }
        });
        return sign(KafkaMessageFactory.createWriter(topic, key).writeBinary(cloudEvent.build()));
    }

    /** A record of any CloudEvent, signed with this writer's key: what a test or tool uses to write its own. */
    public ProducerRecord<String, byte[]> signed(CloudEvent cloudEvent, String topic, String key) {
        return sign(KafkaMessageFactory.createWriter(topic, key).writeBinary(cloudEvent));
    }

    private ProducerRecord<String, byte[]> sign(ProducerRecord<String, byte[]> record) {
        RecordAuthentication.sign(keys, record.key(), record.headers(), record.value());
        return record;
    }

    static boolean isExtensionName(String name) {
        return !name.isEmpty()
                && name.length() <= 20
                && name.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
    }
}
