package org.borderledger.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pipeline's tools are real: events land in PostgreSQL as JSON and reach the Kafka broker as CloudEvents. */
@CommandServiceIT
class EventStorePipelineIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topic;

    @Test
    void storesPayloadsAsReadableJsonBytesWithAGlobalIndexThatGrowsByOne() {
        String markerId = "IT-" + UUID.randomUUID();
        appendMarkerHistory(markerId);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select global_index, payload_type, convert_from(payload, 'UTF8')::jsonb ->> 'markerId' as marker,"
                        + " convert_from(meta_data, 'UTF8')::jsonb ->> 'unit' as unit"
                        + " from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                markerId);

        assertThat(rows)
                .extracting(row -> row.get("payload_type"))
                .containsExactly("MarkerPlanned", "MarkerCompletionReported", "MarkerCompleted");
        assertThat(rows).extracting(row -> row.get("marker")).containsOnly(markerId);
        assertThat(rows).extracting(row -> row.get("unit")).containsOnly("KG-BORDER-GUARD");
        long first = ((Number) rows.get(0).get("global_index")).longValue();
        assertThat(rows)
                .extracting(row -> ((Number) row.get("global_index")).longValue())
                .containsExactly(first, first + 1, first + 2);
        assertThat(jdbc.queryForList(
                        "select data_type from information_schema.columns where table_name in"
                                + " ('domain_event_entry', 'snapshot_event_entry', 'token_entry')"
                                + " and column_name in ('payload', 'meta_data', 'token')",
                        String.class))
                .hasSize(5)
                .containsOnly("bytea");
    }

    @Test
    void publishesEveryStoredEventToKafkaAsACloudEventWithPlainJsonData() throws Exception {
        String markerId = "IT-" + UUID.randomUUID();
        appendMarkerHistory(markerId);
        List<Long> positions = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class,
                markerId);

        List<ConsumerRecord<String, byte[]>> received =
                new TopicReader(bootstrapServers, topic).readKey(markerId, 3, Duration.ofSeconds(30));

        ObjectMapper json = new ObjectMapper();
        assertThat(received).extracting(ConsumerRecord::key).containsOnly(markerId);
        assertThat(received)
                .extracting(record -> TopicReader.header(record, "ce_type"))
                .containsExactly("MarkerPlanned", "MarkerCompletionReported", "MarkerCompleted");
        assertThat(received)
                .extracting(record -> Long.valueOf(TopicReader.header(record, "ce_position")))
                .containsExactlyElementsOf(positions);
        assertThat(received)
                .extracting(record -> TopicReader.header(record, "ce_unit"))
                .containsOnly("KG-BORDER-GUARD");
        JsonNode completed = json.readTree(received.get(2).value());
        assertThat(completed.get("confirmedOn").asText()).isEqualTo("2014-08-15");
        assertThat(completed.get("confirmingSide").asText()).isEqualTo("KH");
    }

    private void appendMarkerHistory(String markerId) {
        MetaData metaData = MetaData.with(EventMetadata.UNIT, "KG-BORDER-GUARD").and(EventMetadata.SIDE, "VN");
        eventStore.publish(List.of(
                event(
                        markerId,
                        0,
                        new MarkerPlanned(markerId, MarkerType.SUB, new GeoPoint(10.42, 104.49), Side.VN),
                        metaData),
                event(
                        markerId,
                        1,
                        new MarkerCompletionReported(
                                markerId, LocalDate.of(2014, 8, 10), new GeoPoint(10.4201, 104.4902), Side.VN),
                        metaData),
                event(markerId, 2, new MarkerCompleted(markerId, LocalDate.of(2014, 8, 15), Side.KH), metaData)));
    }

    private static GenericDomainEventMessage<?> event(String id, long sequence, Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>("BorderMarker", id, sequence, payload, metaData);
    }
}
