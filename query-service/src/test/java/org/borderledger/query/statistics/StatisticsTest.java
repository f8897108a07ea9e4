package org.borderledger.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.query.EventFeed;
import org.borderledger.query.ReadModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The figures of the two reference reports on Kiên Giang and Kampot (May 2015, March 2024), recorded as events and
 * read back as statistics.
 */
@SpringJUnitConfig(ReadModels.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest {

    static final LocalDate JAN_1_2014 = LocalDate.of(2014, 1, 1);
    static final LocalDate DEC_31_2014 = LocalDate.of(2014, 12, 31);
    static final RecoverySite KAMPOT = new RecoverySite("KH-7", "Kampong Trach", null, null);

    @Autowired
    ApplicationContext context;

    @Autowired
    StatisticsViewRepository statistics;

    @BeforeAll
    void recordTheSeedArticles() {
        EventFeed feed = ReadModels.feed(context);

        feed.publish("AGR-2014-001", agreement("AGR-2014-001", LocalDate.of(2014, 5, 26), LocalDate.of(2015, 12, 31)));
        feed.publish(
                "AGR-2014-001",
                new AgreementAmended(
                        "AGR-2014-001", LocalDate.of(2015, 12, 1), "extended", null, LocalDate.of(2025, 12, 31), null));
        feed.publish("AGR-2016-002", agreement("AGR-2016-002", LocalDate.of(2016, 1, 1), LocalDate.of(2026, 12, 31)));
        feed.publish("AGR-2016-002", new AgreementTerminated("AGR-2016-002", LocalDate.of(2021, 6, 1), "merged"));

        feed.publish(
                "REP-2014-KP-01", new RepatriationCaseOpened("REP-2014-KP-01", "2013-2014", "KH-7", "K90", "VN-47"));
        feed.publish("REP-2014-KP-01", new RemainsRecovered("REP-2014-KP-01", LocalDate.of(2013, 12, 20), 3, KAMPOT));
        feed.publish("REP-2014-KP-01", new RemainsRecovered("REP-2014-KP-01", LocalDate.of(2014, 3, 2), 12, KAMPOT));
        feed.publish("REP-2014-KP-01", new RemainsRecovered("REP-2014-KP-01", LocalDate.of(2014, 6, 15), 32, KAMPOT));
        feed.publish("REP-2014-KP-01", repatriated("REP-2014-KP-01", LocalDate.of(2014, 7, 25), 44));
        feed.publish("REP-2014-KP-01", repatriated("REP-2014-KP-01", LocalDate.of(2015, 1, 10), 3));

        for (int number = 1; number <= 22; number++) {
            String id = "300/" + number;
            feed.publish(id, new MarkerPlanned(id, MarkerType.SUB, new GeoPoint(10.4, 104.5), Side.VN));
            feed.publish(id, new MarkerCompletionReported(id, LocalDate.of(2014, 8, 1), null, Side.VN));
            feed.publish(id, new MarkerCompleted(id, LocalDate.of(2014, 8, 10 + number % 10), Side.KH));
        }
        feed.publish("300/1", new MarkerDamaged("300/1", LocalDate.of(2016, 3, 1), "flood"));
        feed.publish("301", new MarkerPlanned("301", MarkerType.MAIN, new GeoPoint(10.5, 104.6), Side.KH));
        feed.publish("301", new MarkerCompletionReported("301", LocalDate.of(2014, 11, 1), null, Side.KH));
        feed.publish("302", new MarkerPlanned("302", MarkerType.MAIN, new GeoPoint(10.6, 104.7), Side.KH));
        feed.publish("302", new MarkerCompletionReported("302", LocalDate.of(2014, 12, 20), null, Side.KH));
        feed.publish("302", new MarkerCompleted("302", LocalDate.of(2015, 1, 5), Side.VN));

        feed.publish(
                "IND-2014-TRADE",
                indicator("IND-2014-TRADE", IndicatorKind.TRADE_TURNOVER_USD, JAN_1_2014, DEC_31_2014, 100_000_000));
        feed.publish(
                "IND-2014-TRADE",
                new IndicatorCorrected("IND-2014-TRADE", 100_000_000, 101_000_000, "final customs figures"));
        feed.publish(
                "IND-2014-15-TRADE",
                indicator(
                        "IND-2014-15-TRADE",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        LocalDate.of(2014, 7, 1),
                        LocalDate.of(2015, 6, 30),
                        7_000_000));
        LocalDate jan2022 = LocalDate.of(2022, 1, 1);
        LocalDate dec2023 = LocalDate.of(2023, 12, 31);
        feed.publish(
                "IND-2022-23-TRADE",
                indicator("IND-2022-23-TRADE", IndicatorKind.TRADE_TURNOVER_USD, jan2022, dec2023, 256_000_000));
        feed.publish(
                "IND-2022-23-EXP",
                indicator("IND-2022-23-EXP", IndicatorKind.EXPORTS_USD, jan2022, dec2023, 150_000_000));
        feed.publish(
                "IND-2022-23-IMP",
                indicator("IND-2022-23-IMP", IndicatorKind.IMPORTS_USD, jan2022, dec2023, 106_000_000));
        feed.publish(
                "IND-2022-23-VN-KH",
                indicator("IND-2022-23-VN-KH", IndicatorKind.VISITORS_VN_TO_KH, jan2022, dec2023, 53_000));
        feed.publish(
                "IND-2022-23-KH-VN",
                indicator("IND-2022-23-KH-VN", IndicatorKind.VISITORS_KH_TO_VN, jan2022, dec2023, 40_000));
    }

    @Test
    void the2014FiguresAreThoseOfTheFirstArticle() {
        StatisticsView view = statistics.between(JAN_1_2014, DEC_31_2014, 4711);

        assertThat(view.from()).isEqualTo(JAN_1_2014);
        assertThat(view.to()).isEqualTo(DEC_31_2014);
        assertThat(view.remainsRecovered()).isEqualTo(44);
        assertThat(view.remainsRepatriated()).isEqualTo(44);
        assertThat(view.markersCompleted()).isEqualTo(22);
        assertThat(view.tradeTurnoverUsd()).isEqualTo(BigInteger.valueOf(101_000_000));
        assertThat(view.visitors()).isEqualTo(new StatisticsView.Visitors(BigInteger.ZERO, BigInteger.ZERO));
        assertThat(view.agreementsInForce()).isEqualTo(1);
        assertThat(view.position()).isEqualTo(4711);
    }

    @Test
    void the2022To2023FiguresAreThoseOfTheReview() {
        StatisticsView view = statistics.between(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), 0);

        assertThat(view.tradeTurnoverUsd()).isEqualTo(BigInteger.valueOf(256_000_000));
        assertThat(view.exportsUsd()).isEqualTo(BigInteger.valueOf(150_000_000));
        assertThat(view.importsUsd()).isEqualTo(BigInteger.valueOf(106_000_000));
        assertThat(view.visitors())
                .isEqualTo(new StatisticsView.Visitors(BigInteger.valueOf(53_000), BigInteger.valueOf(40_000)));
        assertThat(view.remainsRecovered()).isZero();
        assertThat(view.markersCompleted()).isZero();
        assertThat(view.agreementsInForce())
                .as("the amended agreement, not the terminated one")
                .isEqualTo(1);
    }

    @Test
    void aMarkerCountsByItsConfirmationNotByItsReport() {
        assertThat(statistics.between(LocalDate.of(2014, 11, 1), DEC_31_2014, 0).markersCompleted())
                .as("301 reported in November, 302 reported in December: neither confirmed in 2014")
                .isZero();
        assertThat(statistics
                        .between(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 1, 31), 0)
                        .markersCompleted())
                .isEqualTo(1);
    }

    @Test
    void anIndicatorWhosePeriodStraddlesTheRangeDoesNotCount() {
        assertThat(statistics
                        .between(LocalDate.of(2014, 1, 1), LocalDate.of(2015, 6, 30), 0)
                        .tradeTurnoverUsd())
                .isEqualTo(BigInteger.valueOf(108_000_000));
        assertThat(statistics
                        .between(LocalDate.of(2014, 7, 1), LocalDate.of(2015, 12, 31), 0)
                        .tradeTurnoverUsd())
                .isEqualTo(BigInteger.valueOf(7_000_000));
    }

    @Test
    void sumsIndicatorsExactlyBeyondTheRangeOfALong() {
        EventFeed feed = ReadModels.feed(context);
        LocalDate from = LocalDate.of(1990, 1, 1);
        LocalDate to = LocalDate.of(1990, 12, 31);
        for (String id : List.of("IND-1990-A", "IND-1990-B", "IND-1990-C")) {
            feed.publish(id, indicator(id, IndicatorKind.EXPORTS_USD, from, to, Long.MAX_VALUE));
        }

        assertThat(statistics.between(from, to, 0).exportsUsd())
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(3)));
    }

    @Test
    void remainsCountByTheDateOfEachRecoveryAndRepatriation() {
        StatisticsView season = statistics.between(LocalDate.of(2013, 9, 1), LocalDate.of(2014, 4, 30), 0);

        assertThat(season.remainsRecovered()).isEqualTo(15);
        assertThat(season.remainsRepatriated()).isZero();
    }

    @Test
    void anAgreementIsNoLongerInForceFromItsTerminationDay() {
        assertThat(statistics
                        .between(LocalDate.of(2021, 5, 31), LocalDate.of(2021, 5, 31), 0)
                        .agreementsInForce())
                .isEqualTo(2);
        assertThat(statistics
                        .between(LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 1), 0)
                        .agreementsInForce())
                .isEqualTo(1);
        assertThat(statistics
                        .between(LocalDate.of(2010, 1, 1), LocalDate.of(2014, 5, 25), 0)
                        .agreementsInForce())
                .isZero();
    }

    static AgreementSigned agreement(String id, LocalDate validFrom, LocalDate validTo) {
        return new AgreementSigned(
                id,
                "Cooperation plan",
                List.of("VN-47", "KH-7"),
                validFrom,
                "Rạch Giá",
                List.of(),
                Set.of(CooperationDomain.REMAINS_REPATRIATION),
                validFrom,
                validTo,
                null);
    }

    static RemainsRepatriated repatriated(String caseId, LocalDate on, int count) {
        return new RemainsRepatriated(caseId, on, count, "HA_TIEN-PREK_CHAK", "Kiên Giang military command");
    }

    static IndicatorReported indicator(String id, IndicatorKind kind, LocalDate from, LocalDate to, long value) {
        return new IndicatorReported(id, kind, from, to, value, null, "seed article", "VN-47");
    }
}
