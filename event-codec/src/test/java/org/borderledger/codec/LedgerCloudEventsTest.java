package org.borderledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.junit.jupiter.api.Test;

class LedgerCloudEventsTest {

    /** Set when the class below is loaded and initialised: a type name must never get that far. */
    static final AtomicBoolean TRIPWIRE_LOADED = new AtomicBoolean();

    static final class Tripwire {
        static {
            TRIPWIRE_LOADED.set(true);
        }
    }

    private static final String TOPIC = "ledger.events";
    private static final RecordKeys KEYS =
            RecordKeys.single("k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final RecordKeys OTHER_KEYS =
            RecordKeys.single("k1", "another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8));

    private final LedgerSerializer serializer = LedgerSerializer.create();
    private final LedgerCloudEvents writer = new LedgerCloudEvents(serializer, LedgerCloudEvents.SOURCE, KEYS);
    private final LedgerRecords reader = new LedgerRecords(serializer, LedgerCloudEvents.SOURCE, KEYS);

    private final DomainEventMessage<?> stored = new GenericDomainEventMessage<>(
            "BorderMarker",
            "314/1",
            3,
            new MarkerCompleted("314/1", LocalDate.of(2014, 8, 15), Side.KH),
            MetaData.with(EventMetadata.UNIT, "KP-BORDER-POLICE")
                    .and(EventMetadata.SIDE, "KH")
                    .and(EventMetadata.IDEMPOTENCY_KEY, "k-1"));

    @Test
    void writesPlainJsonDataWithTheAttributesAndTheGivenPositionAsHeaders() throws Exception {
        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(stored, TOPIC, 17);

        assertThat(record.key()).isEqualTo("314/1");
        JsonNode data = LedgerSerializer.objectMapper().readTree(record.value());
        assertThat(data.get("markerId").asText()).isEqualTo("314/1");
        assertThat(data.get("confirmedOn").asText()).isEqualTo("2014-08-15");
        assertThat(header(record.headers(), "ce_type")).isEqualTo("MarkerCompleted");
        assertThat(header(record.headers(), "ce_subject")).isEqualTo("314/1");
        assertThat(header(record.headers(), "ce_source")).isEqualTo("urn:border-ledger:command-service");
        assertThat(header(record.headers(), "ce_position")).isEqualTo("17");
        assertThat(header(record.headers(), "ce_unit")).isEqualTo("KP-BORDER-POLICE");
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record.headers(), "ce_dataschema"))
                .isEqualTo("http://localhost:8081/api/contract/schemas/MarkerCompleted.json");
        assertThat(header(record.headers(), RecordAuthentication.KEY_ID)).isEqualTo("k1");
        assertThat(header(record.headers(), RecordAuthentication.MAC)).isNotBlank();
    }

    @Test
    void carriesTheTraceOfTheWriteAsTheDistributedTracingExtension() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        DomainEventMessage<?> traced = stored.andMetaData(Map.of("traceparent", traceparent, "tracestate", "ledger=1"));

        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(traced, TOPIC, 17);

        assertThat(header(record.headers(), "ce_traceparent")).isEqualTo(traceparent);
        assertThat(header(record.headers(), "ce_tracestate")).isEqualTo("ledger=1");
        EventMessage<?> event = reader.readKafkaMessage(consumed(record)).orElseThrow();
        assertThat(event.getMetaData()).containsEntry("traceparent", traceparent);
    }

    @Test
    void readsBackTheSameEventWithItsPositionAndMetadata() {
        EventMessage<?> event = reader.readKafkaMessage(consumed(writer.createKafkaMessage(stored, TOPIC, 17)))
                .orElseThrow();

        assertThat(event.getPayload()).isEqualTo(stored.getPayload());
        assertThat(event.getIdentifier()).isEqualTo(stored.getIdentifier());
        assertThat(event.getTimestamp()).isEqualTo(stored.getTimestamp());
        assertThat(LedgerRecords.positionOf(event)).contains(17L);
        assertThat(event.getMetaData())
                .containsAllEntriesOf(Map.of(EventMetadata.UNIT, "KP-BORDER-POLICE", EventMetadata.SIDE, "KH"));
        assertThat(((DomainEventMessage<?>) event).getSequenceNumber()).isEqualTo(3);
        assertThat(((DomainEventMessage<?>) event).getType()).isEqualTo("BorderMarker");
        assertThat(LedgerRecords.recordOf(event).orElseThrow().offset()).isEqualTo(5);
    }

    @Test
    void parksARecordWhoseDataWasAlteredOnTheTopic() {
        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(stored, TOPIC, 17);
        byte[] altered = new String(record.value(), StandardCharsets.UTF_8)
                .replace("2014-08-15", "2014-08-16")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(consumed(record.key(), record.headers(), altered))).isEqualTo(RecordRejection.Kind.FORGED);
    }

    @Test
    void parksARecordWhosePositionOrSequenceWasAlteredOnTheTopic() {
        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(stored, TOPIC, 17);
        Headers headers = copy(record.headers());
        headers.remove("ce_aggregatesequence").add("ce_aggregatesequence", bytes("999"));

        assertThat(rejection(consumed(record.key(), headers, record.value()))).isEqualTo(RecordRejection.Kind.FORGED);

        Headers positionMoved = copy(record.headers());
        positionMoved.remove("ce_position").add("ce_position", bytes("1"));
        assertThat(rejection(consumed(record.key(), positionMoved, record.value())))
                .isEqualTo(RecordRejection.Kind.FORGED);
    }

    @Test
    void parksARecordWithAnAddedHeaderOrAnotherKey() {
        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(stored, TOPIC, 17);
        Headers added = copy(record.headers());
        added.add("ce_unit", bytes("SOMEONE-ELSE"));

        assertThat(rejection(consumed(record.key(), added, record.value()))).isEqualTo(RecordRejection.Kind.FORGED);
        assertThat(rejection(consumed("315", record.headers(), record.value()))).isEqualTo(RecordRejection.Kind.FORGED);
    }

    @Test
    void parksARecordSignedWithAnotherSecretOrAnUnknownKeyOrNone() {
        LedgerCloudEvents forger = new LedgerCloudEvents(serializer, LedgerCloudEvents.SOURCE, OTHER_KEYS);
        assertThat(rejection(consumed(forger.createKafkaMessage(stored, TOPIC, 17))))
                .isEqualTo(RecordRejection.Kind.FORGED);

        LedgerCloudEvents stranger = new LedgerCloudEvents(
                serializer,
                LedgerCloudEvents.SOURCE,
                RecordKeys.single("k9", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        assertThat(rejection(consumed(stranger.createKafkaMessage(stored, TOPIC, 17))))
                .isEqualTo(RecordRejection.Kind.UNKNOWN_KEY);

        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(stored, TOPIC, 17);
        Headers unsigned = copy(record.headers());
        unsigned.remove(RecordAuthentication.MAC);
        assertThat(rejection(consumed(record.key(), unsigned, record.value())))
                .isEqualTo(RecordRejection.Kind.UNSIGNED);
        assertThat(rejection(consumed(record.key(), new RecordHeaders(), record.value())))
                .isEqualTo(RecordRejection.Kind.UNSIGNED);
    }

    @Test
    void verifiesWithEveryConfiguredKeyAndSignsWithOne() {
        RecordKeys rotated = RecordKeys.parse(
                "k2=" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + ",k1="
                        + java.util.Base64.getEncoder()
                                .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                "");
        LedgerRecords rotatedReader = new LedgerRecords(serializer, LedgerCloudEvents.SOURCE, rotated);
        LedgerCloudEvents rotatedWriter = new LedgerCloudEvents(serializer, LedgerCloudEvents.SOURCE, rotated);

        assertThat(rotated.signingKeyId()).isEqualTo("k2");
        assertThat(rotatedReader
                        .decode(TopicRecord.of(consumed(writer.createKafkaMessage(stored, TOPIC, 17))))
                        .accepted())
                .as("a record signed with the old key still verifies")
                .isTrue();
        ProducerRecord<String, byte[]> fresh = rotatedWriter.createKafkaMessage(stored, TOPIC, 17);
        assertThat(header(fresh.headers(), RecordAuthentication.KEY_ID)).isEqualTo("k2");
        assertThat(rotatedReader.decode(TopicRecord.of(consumed(fresh))).accepted())
                .isTrue();
    }

    @Test
    void parksAnAuthenticRecordOfAnUnknownTypeWithoutLoadingAnyClass() {
        var cloudEvent = CloudEventBuilder.v1()
                .withId("e-1")
                .withSource(LedgerCloudEvents.SOURCE)
                .withType(Tripwire.class.getName())
                .withTime(OffsetDateTime.parse("2014-08-15T00:00:00Z"))
                .withSubject("314/1")
                .withExtension(LedgerCloudEvents.AGGREGATE_TYPE, "BorderMarker")
                .withExtension(LedgerCloudEvents.AGGREGATE_SEQUENCE, 4L)
                .withExtension(EventMetadata.POSITION, 18L)
                .withDataContentType("application/json")
                .withData("{}".getBytes(StandardCharsets.UTF_8))
                .build();

        LedgerRecords.Decoded decoded =
                reader.decode(TopicRecord.of(consumed(writer.signed(cloudEvent, TOPIC, "314/1"))));

        assertThat(decoded.rejection().kind()).isEqualTo(RecordRejection.Kind.UNKNOWN_TYPE);
        assertThat(TRIPWIRE_LOADED).isFalse();
    }

    @Test
    void parksRecordsThatAreNoCloudEventsOrNotJsonOfTheirType() {
        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(stored, TOPIC, 17);
        var badJson = writer.signed(
                CloudEventBuilder.v1()
                        .withId("e-2")
                        .withSource(LedgerCloudEvents.SOURCE)
                        .withType("MarkerCompleted")
                        .withSubject("314/1")
                        .withExtension(LedgerCloudEvents.AGGREGATE_TYPE, "BorderMarker")
                        .withExtension(LedgerCloudEvents.AGGREGATE_SEQUENCE, 4L)
                        .withExtension(EventMetadata.POSITION, 18L)
                        .withDataContentType("application/json")
                        .withData("{not json".getBytes(StandardCharsets.UTF_8))
                        .build(),
                TOPIC,
                "314/1");
        var otherSource = writer.signed(
                CloudEventBuilder.v1()
                        .withId("e-3")
                        .withSource(java.net.URI.create("urn:somewhere-else"))
                        .withType("MarkerCompleted")
                        .withSubject("314/1")
                        .withDataContentType("application/json")
                        .withData("{}".getBytes(StandardCharsets.UTF_8))
                        .build(),
                TOPIC,
                "314/1");

        assertThat(rejection(consumed(badJson))).isEqualTo(RecordRejection.Kind.MALFORMED);
        assertThat(rejection(consumed(otherSource))).isEqualTo(RecordRejection.Kind.OTHER_SOURCE);
        assertThat(rejection(consumed(null, new RecordHeaders(), bytes("hello"))))
                .isEqualTo(RecordRejection.Kind.UNSIGNED);
        EventMessage<?> nothing = reader.readKafkaMessage(consumed(null, new RecordHeaders(), null))
                .orElseThrow();
        assertThat(nothing.getPayload()).isInstanceOf(RejectedRecord.class);
        assertThat(((DomainEventMessage<?>) nothing).getAggregateIdentifier()).isEqualTo("unkeyed:0@5");
        assertThat(record.headers().toArray()).isNotEmpty();
    }

    private RecordRejection.Kind rejection(ConsumerRecord<String, byte[]> record) {
        EventMessage<?> message = reader.readKafkaMessage(record).orElseThrow();
        assertThat(message.getPayload()).isInstanceOf(RejectedRecord.class);
        assertThat(LedgerRecords.recordOf(message)).isPresent();
        return ((RejectedRecord) message.getPayload()).kind();
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
        return consumed(record.key(), record.headers(), record.value());
    }

    private static ConsumerRecord<String, byte[]> consumed(String key, Headers headers, byte[] value) {
        return new ConsumerRecord<>(
                TOPIC,
                0,
                5,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                copy(headers),
                java.util.Optional.empty());
    }

    private static Headers copy(Headers headers) {
        RecordHeaders copy = new RecordHeaders();
        for (Header header : headers) {
            copy.add(new RecordHeader(header.key(), header.value()));
        }
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
