package org.borderledger.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializationException;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.indicator.IndicatorUnit;
import org.junit.jupiter.api.Test;

/** Events stored or published in an earlier revision read as the current one; the current revision reads unchanged. */
class EventRevisionsTest {

    private static final String TOPIC = "ledger.events";

    /** What the ledger stored and published for an indicator report before revision 2: no unit, no revision. */
    static final String REVISION_1_TRADE = "{\"indicatorId\":\"IND-1\",\"indicator\":\"TRADE_TURNOVER_USD\","
            + "\"periodFrom\":\"2014-01-01\",\"periodTo\":\"2014-12-31\",\"value\":305000000,\"borderGate\":null,"
            + "\"source\":\"DOIT\",\"reportingProvince\":\"VN-47\"}";

    static final String REVISION_1_VISITORS =
            REVISION_1_TRADE.replace("TRADE_TURNOVER_USD", "VISITORS_KH_TO_VN").replace("305000000", "12000");

    private final LedgerSerializer serializer = LedgerSerializer.create();
    private final LedgerRecords reader =
            new LedgerRecords(serializer, LedgerCloudEvents.SOURCE, ContractExamplesTest.EXAMPLE_KEYS);
    private final LedgerCloudEvents writer =
            new LedgerCloudEvents(serializer, LedgerCloudEvents.SOURCE, ContractExamplesTest.EXAMPLE_KEYS);

    @Test
    void anIndicatorReportOfRevision1GetsTheUnitOfItsKind() {
        assertThat(read(REVISION_1_TRADE, null))
                .isEqualTo(new IndicatorReported(
                        "IND-1",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        LocalDate.of(2014, 1, 1),
                        LocalDate.of(2014, 12, 31),
                        305_000_000L,
                        IndicatorUnit.USD,
                        null,
                        "DOIT",
                        "VN-47"));
        assertThat(read(REVISION_1_VISITORS, null).unit()).isEqualTo(IndicatorUnit.PERSONS);
    }

    @Test
    void anIndicatorReportOfRevision2ReadsAsWritten() {
        String revision2 = REVISION_1_VISITORS.replace("\"borderGate\"", "\"unit\":\"USD\",\"borderGate\"");

        assertThat(read(revision2, "2").unit())
                .as("the upcaster does not touch the current revision, even where its unit is odd")
                .isEqualTo(IndicatorUnit.USD);
    }

    @Test
    void anIndicatorReportOfRevision2GetsNoPartnerAndIsNoEstimate() {
        String revision2 = REVISION_1_TRADE.replace("\"borderGate\"", "\"unit\":\"USD\",\"borderGate\"");

        IndicatorReported read = read(revision2, "2");
        assertThat(read.partnerProvince()).isNull();
        assertThat(read.estimate()).isFalse();
        assertThat(read.reportingProvince()).isEqualTo("VN-47");
    }

    @Test
    void anIndicatorReportOfRevision3ReadsAsWritten() {
        String revision3 = REVISION_1_TRADE.replace(
                "\"borderGate\"", "\"unit\":\"USD\",\"partnerProvince\":\"KH-7\",\"estimate\":true,\"borderGate\"");

        IndicatorReported read = read(revision3, "3");
        assertThat(read.partnerProvince()).isEqualTo("KH-7");
        assertThat(read.estimate()).isTrue();
    }

    @Test
    void aRevision1ReportOfAnUnknownKindFailsToLoadAsAnyUnknownKindDoes() {
        assertThatThrownBy(() -> read(REVISION_1_TRADE.replace("TRADE_TURNOVER_USD", "RICE_TONNES"), null))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void theWriterPublishesTheCurrentRevisionWithItsSchema() {
        ProducerRecord<String, byte[]> record = writer.createKafkaMessage(
                new GenericDomainEventMessage<>("CooperationIndicator", "IND-1", 0, read(REVISION_1_TRADE, null)),
                TOPIC,
                9);

        assertThat(header(record, "ce_eventrevision")).isEqualTo("3");
        assertThat(header(record, "ce_dataschema")).endsWith("/IndicatorReported.r3.json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"unit\":\"USD\"")
                .contains("\"partnerProvince\":null")
                .contains("\"estimate\":false");
    }

    @Test
    void aTopicRecordPublishedInRevision1IsReadAsRevision2() {
        ProducerRecord<String, byte[]> published = writer.signed(
                CloudEventBuilder.v1()
                        .withId("3f2b8c1e-0000-4000-8000-000000000001")
                        .withSource(LedgerCloudEvents.SOURCE)
                        .withType("IndicatorReported")
                        .withTime(OffsetDateTime.parse("2024-03-01T08:00:00Z"))
                        .withSubject("IND-1")
                        .withExtension(LedgerCloudEvents.AGGREGATE_TYPE, "CooperationIndicator")
                        .withExtension(LedgerCloudEvents.AGGREGATE_SEQUENCE, 0L)
                        .withExtension(EventMetadata.POSITION, 41L)
                        .withExtension(EventMetadata.UNIT, "KG-DOIT")
                        .withDataContentType("application/json")
                        .withData(REVISION_1_VISITORS.getBytes(StandardCharsets.UTF_8))
                        .build(),
                TOPIC,
                "IND-1");
        assertThat(published.headers().lastHeader("ce_eventrevision")).isNull();

        LedgerRecords.Decoded decoded = reader.decode(TopicRecord.of(new ConsumerRecord<>(
                TOPIC,
                0,
                41,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                published.key(),
                published.value(),
                new RecordHeaders(published.headers().toArray()),
                java.util.Optional.empty())));

        assertThat(decoded.accepted()).as(String.valueOf(decoded.rejection())).isTrue();
        IndicatorReported event = (IndicatorReported) decoded.event().getPayload();
        assertThat(event.unit()).isEqualTo(IndicatorUnit.PERSONS);
        assertThat(event.value()).isEqualTo(12_000);
        assertThat(decoded.event().getMetaData()).containsEntry(EventMetadata.UNIT, "KG-DOIT");
    }

    private IndicatorReported read(String json, String revision) {
        return (IndicatorReported) LedgerUpcasters.deserialize(
                serializer, json.getBytes(StandardCharsets.UTF_8), "IndicatorReported", revision);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
