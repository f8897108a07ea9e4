package org.borderledger.query.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.query.EventFeed;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class FactProjectionTest {

    static final Map<String, String> KIEN_GIANG = Map.of(
            EventMetadata.SUBMITTER, "kg-border-guard",
            EventMetadata.UNIT, "Kiên Giang Border Guard Command",
            EventMetadata.SIDE, "VN",
            EventMetadata.PROVINCE, "VN-47");

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final FactLineRepository lines = new FactLineRepository(database.jdbc());
    final EventFeed feed = new EventFeed(new FactProjection(database.writes()));

    @Test
    void aFactLineSaysWhoSubmittedItWhenItHappenedAndWhatItAdds() {
        feed.publish(
                "REP-2014-KP-01", new RepatriationCaseOpened("REP-2014-KP-01", "2013-2014", "KH-7", "K90", "VN-47"));
        feed.publish(
                "REP-2014-KP-01",
                new RemainsRecovered(
                        "REP-2014-KP-01",
                        LocalDate.of(2014, 3, 2),
                        12,
                        new RecoverySite("KH-7", "Kampong Trach", null, null)),
                KIEN_GIANG);

        List<FactLine> timeline = lines.timeline("REP-2014-KP-01", 50, 0);

        assertThat(timeline)
                .extracting(FactLine::eventType)
                .containsExactly("RepatriationCaseOpened", "RemainsRecovered");
        FactLine recovery = timeline.get(1);
        assertThat(recovery.sequence()).isEqualTo(1);
        assertThat(recovery.position()).isEqualTo(feed.position());
        assertThat(recovery.aggregateType()).isEqualTo("repatriation");
        assertThat(recovery.businessDate()).isEqualTo(LocalDate.of(2014, 3, 2));
        assertThat(recovery.amount()).isEqualTo(12);
        assertThat(recovery.previousAmount()).isNull();
        assertThat(recovery.submitter()).isEqualTo("kg-border-guard");
        assertThat(recovery.unit()).isEqualTo("Kiên Giang Border Guard Command");
        assertThat(recovery.side()).isEqualTo("VN");
        assertThat(recovery.province()).isEqualTo("VN-47");
        assertThat(recovery.recordedAt()).isNotNull();
        assertThat(recovery.payload()).contains("\"recoveredOn\":\"2014-03-02\"", "\"district\":\"Kampong Trach\"");
        assertThat(timeline.get(0).submitter()).as("an event without metadata").isNull();
        assertThat(lines.count("REP-2014-KP-01")).isEqualTo(2);
    }

    @Test
    void aCorrectionShowsTheValueItSupersededAndTheNewOne() {
        feed.publish("IND-2014-TRADE", trade2014(100_000_000), KIEN_GIANG);
        feed.publish(
                "IND-2014-TRADE",
                new IndicatorCorrected("IND-2014-TRADE", 100_000_000, 101_000_000, "customs final figures"),
                KIEN_GIANG);

        FactLine correction = lines.timeline("IND-2014-TRADE", 50, 0).get(1);

        assertThat(correction.eventType()).isEqualTo("IndicatorCorrected");
        assertThat(correction.previousAmount()).isEqualTo(100_000_000);
        assertThat(correction.amount()).isEqualTo(101_000_000);
        assertThat(correction.payload()).contains("customs final figures");
    }

    @Test
    void aRedeliveredEventWritesNoSecondLine() {
        var report = feed.publish("IND-2014-TRADE", trade2014(100_000_000), KIEN_GIANG);

        feed.deliver(report);

        assertThat(lines.count("IND-2014-TRADE")).isEqualTo(1);
    }

    @Test
    void aResetEmptiesTheLinesAndAReplayWritesTheSameOnesAgain() {
        feed.publish("IND-2014-TRADE", trade2014(100_000_000), KIEN_GIANG);
        feed.publish("IND-2014-TRADE", new IndicatorCorrected("IND-2014-TRADE", 100_000_000, 101_000_000, "final"));
        List<FactLine> built = lines.timeline("IND-2014-TRADE", 50, 0);

        feed.reset();
        assertThat(lines.count("IND-2014-TRADE")).isZero();
        feed.redeliverAll();

        assertThat(lines.timeline("IND-2014-TRADE", 50, 0)).isEqualTo(built);
    }

    @Test
    void theSameEventGivesTheSameLineWhateverTheOrderOfItsSets() {
        feed.publish("AGR-A", agreement("AGR-A", List.of(CooperationDomain.TRADE, CooperationDomain.BORDER_SECURITY)));
        feed.publish("AGR-B", agreement("AGR-B", List.of(CooperationDomain.BORDER_SECURITY, CooperationDomain.TRADE)));

        String first = lines.timeline("AGR-A", 50, 0).get(0).payload();
        String second = lines.timeline("AGR-B", 50, 0).get(0).payload();

        assertThat(first).contains("\"domains\":[\"BORDER_SECURITY\",\"TRADE\"]");
        assertThat(first.replace("AGR-A", "AGR-B")).isEqualTo(second);
    }

    static AgreementSigned agreement(String id, List<CooperationDomain> domainsInOrder) {
        return new AgreementSigned(
                id,
                "Cooperation plan 2014-2015",
                List.of("VN-47", "KH-7"),
                LocalDate.of(2014, 5, 26),
                "Rạch Giá",
                List.of(),
                new LinkedHashSet<>(domainsInOrder),
                LocalDate.of(2014, 5, 26),
                LocalDate.of(2015, 12, 31),
                "KH-HT/2014/05");
    }

    static IndicatorReported trade2014(long value) {
        return new IndicatorReported(
                "IND-2014-TRADE",
                IndicatorKind.TRADE_TURNOVER_USD,
                LocalDate.of(2014, 1, 1),
                LocalDate.of(2014, 12, 31),
                value,
                "HA_TIEN-PREK_CHAK",
                "Kiên Giang DoIT",
                "VN-47");
    }
}
