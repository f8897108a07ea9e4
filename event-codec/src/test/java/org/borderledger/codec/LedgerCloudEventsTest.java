package org.borderledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.junit.jupiter.api.Test;

class LedgerCloudEventsTest {

    private final LedgerSerializer serializer = LedgerSerializer.create();
    private final LedgerCloudEvents converter =
            new LedgerCloudEvents(serializer, URI.create("urn:border-ledger:command-service"));

    private final EventMessage<?> stored = new GenericTrackedDomainEventMessage<>(
            GapAwareTrackingToken.newInstance(17, java.util.List.of()),
            new GenericDomainEventMessage<>(
                    "BorderMarker",
                    "314/1",
                    3,
                    new MarkerCompleted("314/1", LocalDate.of(2014, 8, 15), Side.KH),
                    MetaData.with(EventMetadata.UNIT, "KP-BORDER-POLICE")
                            .and(EventMetadata.SIDE, "KH")
                            .and(EventMetadata.IDEMPOTENCY_KEY, "k-1")));

    @Test
    void writesPlainJsonDataWithTheAttributesAsHeaders() throws Exception {
        ProducerRecord<String, CloudEvent> record = converter.createKafkaMessage(stored, "ledger.events");
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (CloudEventSerializer wire = new CloudEventSerializer()) {
            value = wire.serialize("ledger.events", headers, record.value());
        }

        assertThat(record.key()).isEqualTo("314/1");
        JsonNode data = LedgerSerializer.objectMapper().readTree(value);
        assertThat(data.get("markerId").asText()).isEqualTo("314/1");
        assertThat(data.get("confirmedOn").asText()).isEqualTo("2014-08-15");
        assertThat(header(headers, "ce_type")).isEqualTo("MarkerCompleted");
        assertThat(header(headers, "ce_subject")).isEqualTo("314/1");
        assertThat(header(headers, "ce_source")).isEqualTo("urn:border-ledger:command-service");
        assertThat(header(headers, "ce_position")).isEqualTo("17");
        assertThat(header(headers, "ce_unit")).isEqualTo("KP-BORDER-POLICE");
        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
    }

    @Test
    void readsBackTheSameEventWithItsPositionAndMetadata() {
        ProducerRecord<String, CloudEvent> record = converter.createKafkaMessage(stored, "ledger.events");
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (CloudEventSerializer out = new CloudEventSerializer();
                CloudEventDeserializer in = new CloudEventDeserializer()) {
            value = out.serialize("ledger.events", headers, record.value());
            CloudEvent received = in.deserialize("ledger.events", headers, value);
            ConsumerRecord<String, CloudEvent> consumed =
                    new ConsumerRecord<>("ledger.events", 0, 5, record.key(), received);

            EventMessage<?> event = converter.readKafkaMessage(consumed).orElseThrow();

            assertThat(event.getPayload()).isEqualTo(stored.getPayload());
            assertThat(event.getIdentifier()).isEqualTo(stored.getIdentifier());
            assertThat(event.getTimestamp()).isEqualTo(stored.getTimestamp());
            assertThat(LedgerCloudEvents.positionOf(event)).contains(17L);
            assertThat(event.getMetaData())
                    .containsAllEntriesOf(Map.of(EventMetadata.UNIT, "KP-BORDER-POLICE", EventMetadata.SIDE, "KH"));
            assertThat(((GenericDomainEventMessage<?>) event).getSequenceNumber())
                    .isEqualTo(3);
            assertThat(((GenericDomainEventMessage<?>) event).getType()).isEqualTo("BorderMarker");
        }
    }

    @Test
    void carriesTheTraceOfTheWriteAsTheDistributedTracingExtension() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventMessage<?> traced = stored.andMetaData(Map.of("traceparent", traceparent, "tracestate", "ledger=1"));
        ProducerRecord<String, CloudEvent> record = converter.createKafkaMessage(traced, "ledger.events");
        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer out = new CloudEventSerializer();
                CloudEventDeserializer in = new CloudEventDeserializer()) {
            byte[] value = out.serialize("ledger.events", headers, record.value());

            assertThat(header(headers, "ce_traceparent")).isEqualTo(traceparent);
            assertThat(header(headers, "ce_tracestate")).isEqualTo("ledger=1");
            EventMessage<?> event = converter
                    .readKafkaMessage(new ConsumerRecord<>(
                            "ledger.events", 0, 5, record.key(), in.deserialize("ledger.events", headers, value)))
                    .orElseThrow();
            assertThat(event.getMetaData()).containsEntry("traceparent", traceparent);
        }
    }

    private static String header(RecordHeaders headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
