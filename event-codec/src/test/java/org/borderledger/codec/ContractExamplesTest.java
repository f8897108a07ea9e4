package org.borderledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventCatalog;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Province;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.jurisdiction.JurisdictionChangeApproved;
import org.borderledger.events.jurisdiction.JurisdictionChangeProposed;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.junit.jupiter.api.Test;

/**
 * {@code contract/examples/ledger-events.ndjson} holds one record of every event type exactly as the publisher writes it
 * to {@code ledger.events} (key, every header, the value as text), for consumers to test against without a broker
 * ({@code examples/node-consumer} validates it against the schemas). The file is what the writer produces today; a
 * change of the envelope or an event fails here, {@code -Dcontract.regenerate=true} rewrites it.
 */
class ContractExamplesTest {

    static final Path EXAMPLES = Path.of("..", "contract", "examples", "ledger-events.ndjson");

    /** The example key the records are signed with; it signs nothing else. */
    static final RecordKeys EXAMPLE_KEYS =
            RecordKeys.single("example-2026", "example-record-key-not-for-production".getBytes(StandardCharsets.UTF_8));

    private final LedgerCloudEvents writer =
            new LedgerCloudEvents(LedgerSerializer.create(), LedgerCloudEvents.SOURCE, EXAMPLE_KEYS);

    @Test
    void theCommittedExampleRecordsAreWhatThePublisherWrites() throws IOException {
        String written = examples();
        if (Boolean.getBoolean("contract.regenerate")) {
            Files.createDirectories(EXAMPLES.getParent());
            Files.writeString(EXAMPLES, written, StandardCharsets.UTF_8);
        }
        assertThat(EXAMPLES).exists();
        assertThat(Files.readString(EXAMPLES, StandardCharsets.UTF_8))
                .as("%s is not what the publisher writes; rerun with -Dcontract.regenerate=true", EXAMPLES)
                .isEqualTo(written);
    }

    @Test
    void theExamplesHoldEveryEventTypeOfTheCatalogue() {
        Set<Class<?>> types =
                stored().stream().map(DomainEventMessage::getPayloadType).collect(Collectors.toSet());

        assertThat(types).containsExactlyInAnyOrderElementsOf(EventCatalog.EVENTS);
    }

    private String examples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        long position = 1;
        for (DomainEventMessage<?> event : stored()) {
            ProducerRecord<String, byte[]> record = writer.createKafkaMessage(event, "ledger.events", position++);
            ObjectNode line = json.createObjectNode();
            line.put("topic", record.topic());
            line.put("key", record.key());
            ObjectNode headers = line.putObject("headers");
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            line.put("value", new String(record.value(), StandardCharsets.UTF_8));
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        return lines.toString();
    }

    /** One event of every type, as an event store holds them: ids, sequences, times and metadata fixed. */
    static List<DomainEventMessage<?>> stored() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        MetaData vn = submission("kg-border-guard", "KG-BORDER-GUARD", "VN", "VN-47");
        MetaData kh = submission("kp-border-police", "KP-BORDER-POLICE", "KH", "KH-7");
        add(
                events,
                "CooperationAgreement",
                "AGR-2014-01",
                vn,
                new AgreementSigned(
                        "AGR-2014-01",
                        "Cooperation on border security and trade",
                        List.of("VN-47", "KH-7"),
                        LocalDate.of(2014, 3, 12),
                        "Hà Tiên",
                        List.of(
                                new Signatory("Nguyễn Văn A", "Chairman", "VN-47"),
                                new Signatory("Sok Dara", "Governor", "KH-7")),
                        Set.of(CooperationDomain.TRADE),
                        LocalDate.of(2014, 4, 1),
                        LocalDate.of(2019, 3, 31),
                        "MOU-2014-KG-KP"),
                new AgreementReviewed(
                        "AGR-2014-01",
                        LocalDate.of(2015, 1, 20),
                        LocalDate.of(2014, 4, 1),
                        LocalDate.of(2014, 12, 31),
                        "Joint patrols held monthly"),
                new AgreementAmended(
                        "AGR-2014-01",
                        LocalDate.of(2016, 6, 1),
                        "Tourism added",
                        Set.of(CooperationDomain.TOURISM),
                        LocalDate.of(2021, 3, 31),
                        "MOU-2014-KG-KP-A1"),
                new AgreementTerminated("AGR-2014-01", LocalDate.of(2021, 3, 31), "Superseded by AGR-2021-01"));
        add(
                events,
                "RepatriationCase",
                "REP-2014-15-01",
                vn,
                new RepatriationCaseOpened("REP-2014-15-01", "2014-2015", "KH-7", "KG-TEAM-584", "VN-47"),
                new RemainsRecovered(
                        "REP-2014-15-01",
                        LocalDate.of(2015, 1, 10),
                        3,
                        new RecoverySite(
                                "KH-7", "Kampong Trach", "Kampong Trach Khang Lech", new GeoPoint(10.57, 104.47))),
                new RemainsRepatriated(
                        "REP-2014-15-01", LocalDate.of(2015, 2, 2), 3, "Hà Tiên – Prek Chak", "KG-TEAM-584"));
        add(
                events,
                "BorderMarker",
                "314/1",
                kh,
                new MarkerPlanned("314/1", MarkerType.SUB, new GeoPoint(10.4291, 104.4862), Side.KH),
                new MarkerCompletionReported(
                        "314/1", LocalDate.of(2014, 8, 1), new GeoPoint(10.42912, 104.48623), Side.KH),
                new MarkerCompleted("314/1", LocalDate.of(2014, 8, 15), Side.VN),
                new MarkerDamaged("314/1", LocalDate.of(2019, 9, 3), "Base undercut by flooding"),
                new MarkerRepaired("314/1", LocalDate.of(2019, 12, 10), "Base rebuilt"));
        add(
                events,
                "CooperationIndicator",
                "IND-VN47-TRADE-2014",
                vn,
                new IndicatorReported(
                        "IND-VN47-TRADE-2014",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        LocalDate.of(2014, 1, 1),
                        LocalDate.of(2014, 12, 31),
                        305_000_000L,
                        null,
                        "Provincial Department of Industry and Trade",
                        "VN-47"),
                new IndicatorCorrected("IND-VN47-TRADE-2014", 305_000_000L, 306_500_000L, "Final customs figures"));
        Province svayRieng = new Province(
                "KH-20",
                null,
                null,
                Side.KH,
                "Svay Rieng",
                "ខេត្តស្វាយរៀង",
                "Svay Rieng",
                null,
                List.of(),
                false,
                "ISO 3166-2:KH");
        add(
                events,
                "Jurisdictions",
                "jurisdictions",
                0,
                submission("kp-admin", "Ledger Operations", "KH", "KH-7"),
                new JurisdictionChangeProposed(
                        "JC-2026-01",
                        List.of(svayRieng),
                        "Svay Rieng joins the ledger",
                        "ISO 3166-2:KH",
                        LocalDate.of(2026, 1, 5),
                        Side.KH));
        add(
                events,
                "Jurisdictions",
                "jurisdictions",
                1,
                submission("ag-admin", "Ledger Operations", "VN", "VN-AG2025"),
                new JurisdictionChangeApproved("JC-2026-01", List.of(svayRieng), LocalDate.of(2026, 1, 9), Side.VN, 2));
        return events;
    }

    private static void add(
            List<DomainEventMessage<?>> events, String type, String id, MetaData metadata, Record... payloads) {
        add(events, type, id, 0, metadata, payloads);
    }

    private static void add(
            List<DomainEventMessage<?>> events,
            String type,
            String id,
            long firstSequence,
            MetaData metadata,
            Record... payloads) {
        long sequence = firstSequence;
        for (Record payload : payloads) {
            int n = events.size() + 1;
            events.add(new GenericDomainEventMessage<>(
                    type,
                    id,
                    sequence++,
                    payload,
                    metadata.and(EventMetadata.REQUEST_ID, "req-" + n),
                    String.format("00000000-0000-4000-8000-%012d", n),
                    Instant.parse("2026-01-05T08:00:00Z").plusSeconds(60L * n)));
        }
    }

    private static MetaData submission(String submitter, String unit, String side, String province) {
        return MetaData.with(EventMetadata.SUBMITTER, submitter)
                .and(EventMetadata.UNIT, unit)
                .and(EventMetadata.SIDE, side)
                .and(EventMetadata.PROVINCE, province)
                .and(EventMetadata.CORRELATION_ID, "corr-" + unit.toLowerCase())
                .and(EventMetadata.IDEMPOTENCY_KEY, "idem-" + unit.toLowerCase());
    }
}
