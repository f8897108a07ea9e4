package org.borderledger.query.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.query.EventFeed;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class IndicatorProjectionTest {

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final IndicatorViewRepository views = new IndicatorViewRepository(database.jdbc());
    final EventFeed feed = new EventFeed(new IndicatorProjection(database.writes()));

    @Test
    void aReportedIndicatorCarriesItsValueAndPeriod() {
        feed.publish("IND-2014-TRADE", trade2014(100_000_000));

        IndicatorView view = views.find("IND-2014-TRADE").orElseThrow();

        assertThat(view.kind()).isEqualTo(IndicatorKind.TRADE_TURNOVER_USD);
        assertThat(view.value()).isEqualTo(100_000_000);
        assertThat(view.periodFrom()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(view.periodTo()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(view.borderGate()).isEqualTo("HA_TIEN-PREK_CHAK");
        assertThat(view.source()).isEqualTo("Kiên Giang DoIT");
        assertThat(view.reportingProvince()).isEqualTo("VN-47");
        assertThat(view.reportedAt()).isNotNull();
        assertThat(view.history()).isEmpty();
    }

    @Test
    void aCorrectionBecomesTheCurrentValueAndTheSupersededOneStaysInTheHistory() {
        feed.publish("IND-2014-TRADE", trade2014(100_000_000));
        feed.publish(
                "IND-2014-TRADE",
                new IndicatorCorrected("IND-2014-TRADE", 100_000_000, 101_000_000, "final customs figures"));
        long correctionPosition = feed.position();

        IndicatorView view = views.find("IND-2014-TRADE").orElseThrow();

        assertThat(view.value()).isEqualTo(101_000_000);
        assertThat(view.history()).hasSize(1);
        IndicatorView.Superseded superseded = view.history().get(0);
        assertThat(superseded.value()).isEqualTo(100_000_000);
        assertThat(superseded.correctedTo()).isEqualTo(101_000_000);
        assertThat(superseded.reason()).isEqualTo("final customs figures");
        assertThat(superseded.position()).isEqualTo(correctionPosition);
        assertThat(superseded.correctedAt()).isNotNull();
    }

    @Test
    void aRedeliveredCorrectionIsNotAppliedTwice() {
        feed.publish("IND-2014-TRADE", trade2014(100_000_000));
        var first = feed.publish(
                "IND-2014-TRADE", new IndicatorCorrected("IND-2014-TRADE", 100_000_000, 102_000_000, "typo"));
        feed.publish(
                "IND-2014-TRADE", new IndicatorCorrected("IND-2014-TRADE", 102_000_000, 101_000_000, "final figures"));

        feed.deliver(first);

        IndicatorView view = views.find("IND-2014-TRADE").orElseThrow();
        assertThat(view.value()).as("the older correction must not win again").isEqualTo(101_000_000);
        assertThat(view.history())
                .extracting(IndicatorView.Superseded::value)
                .containsExactly(100_000_000L, 102_000_000L);
    }

    @Test
    void filtersByKindAndPeriodInsideTheRange() {
        feed.publish("IND-2014-TRADE", trade2014(101_000_000));
        feed.publish(
                "IND-2022-23-TRADE",
                new IndicatorReported(
                        "IND-2022-23-TRADE",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2023, 12, 31),
                        256_000_000,
                        null,
                        "review 2024",
                        "VN-47"));
        feed.publish(
                "IND-2023-VIS",
                new IndicatorReported(
                        "IND-2023-VIS",
                        IndicatorKind.VISITORS_KH_TO_VN,
                        LocalDate.of(2023, 1, 1),
                        LocalDate.of(2023, 12, 31),
                        20_000,
                        null,
                        "review 2024",
                        "VN-47"));

        assertThat(views.list(new IndicatorViewRepository.Filter(IndicatorKind.TRADE_TURNOVER_USD, null, null), 50, 0))
                .extracting(IndicatorView::id)
                .containsExactly("IND-2014-TRADE", "IND-2022-23-TRADE");
        assertThat(views.list(
                        new IndicatorViewRepository.Filter(null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
                        50,
                        0))
                .extracting(IndicatorView::id)
                .containsExactly("IND-2023-VIS");
    }

    @Test
    void aResetEmptiesTheIndicatorsAndTheirCorrectionsSoThatAReplayRebuildsTheSameIndicator() {
        feed.publish("IND-2014-TRADE", trade2014(100_000_000));
        feed.publish(
                "IND-2014-TRADE", new IndicatorCorrected("IND-2014-TRADE", 100_000_000, 101_000_000, "final figures"));
        IndicatorView built = views.find("IND-2014-TRADE").orElseThrow();

        feed.reset();

        assertThat(views.count(new IndicatorViewRepository.Filter(null, null, null)))
                .isZero();
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM indicator_correction_line")
                        .query(Long.class)
                        .single())
                .isZero();

        feed.redeliverAll();

        assertThat(views.find("IND-2014-TRADE")).contains(built);
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
