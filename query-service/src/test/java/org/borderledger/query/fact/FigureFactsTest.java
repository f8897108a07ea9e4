package org.borderledger.query.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
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

/** The facts behind each figure are chosen by the rules the figure is computed by, so they add up to it. */
@SpringJUnitConfig(ReadModels.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FigureFactsTest {

    static final LocalDate JAN_1_1994 = LocalDate.of(1994, 1, 1);
    static final LocalDate DEC_31_1994 = LocalDate.of(1994, 12, 31);
    static final RecoverySite KAMPOT = new RecoverySite("KH-7", "Kampong Trach", null, null);

    @Autowired
    ApplicationContext context;

    @Autowired
    FigureFactRepository figures;

    @BeforeAll
    void record() {
        EventFeed feed = ReadModels.feed(context);
        feed.publish("AGR-1994-001", agreement("AGR-1994-001", LocalDate.of(1994, 5, 26), LocalDate.of(1995, 12, 31)));
        feed.publish("AGR-1990-001", agreement("AGR-1990-001", LocalDate.of(1990, 1, 1), LocalDate.of(2000, 12, 31)));
        feed.publish("AGR-1990-001", new AgreementTerminated("AGR-1990-001", LocalDate.of(1993, 6, 1), "replaced"));

        feed.publish(
                "REP-1994-KP-01", new RepatriationCaseOpened("REP-1994-KP-01", "1993-1994", "KH-7", "K90", "VN-47"));
        feed.publish("REP-1994-KP-01", new RemainsRecovered("REP-1994-KP-01", LocalDate.of(1993, 12, 20), 3, KAMPOT));
        feed.publish("REP-1994-KP-01", new RemainsRecovered("REP-1994-KP-01", LocalDate.of(1994, 3, 2), 12, KAMPOT));
        feed.publish("REP-1994-KP-01", new RemainsRecovered("REP-1994-KP-01", LocalDate.of(1994, 6, 15), 32, KAMPOT));
        feed.publish(
                "REP-1994-KP-01",
                new RemainsRepatriated("REP-1994-KP-01", LocalDate.of(1994, 7, 25), 44, "HA_TIEN-PREK_CHAK", "K90"));

        for (int number = 1; number <= 3; number++) {
            String id = "900/" + number;
            feed.publish(id, new MarkerPlanned(id, MarkerType.SUB, new GeoPoint(10.4, 104.5), Side.VN));
            feed.publish(id, new MarkerCompletionReported(id, LocalDate.of(1994, 8, 1), null, Side.VN));
            feed.publish(id, new MarkerCompleted(id, LocalDate.of(1994 + number / 3, 8, 10), Side.KH));
        }

        feed.publish("IND-1994-TRADE", trade("IND-1994-TRADE", JAN_1_1994, DEC_31_1994, 100_000_000));
        feed.publish("IND-1994-TRADE", new IndicatorCorrected("IND-1994-TRADE", 100_000_000, 101_000_000, "final"));
        feed.publish(
                "IND-1994-1995-TRADE",
                trade("IND-1994-1995-TRADE", JAN_1_1994, LocalDate.of(1995, 12, 31), 250_000_000));
    }

    @Test
    void remainsCountByTheDateOfEachRecovery() {
        List<FactLine> facts = facts(Figure.REMAINS_RECOVERED);

        assertThat(facts)
                .extracting(FactLine::businessDate)
                .containsExactly(LocalDate.of(1994, 3, 2), LocalDate.of(1994, 6, 15));
        assertThat(facts.stream().mapToLong(FactLine::amount).sum()).isEqualTo(44);
        assertThat(facts(Figure.REMAINS_REPATRIATED))
                .extracting(FactLine::amount)
                .containsExactly(44L);
    }

    @Test
    void markersCountByTheOtherSidesConfirmation() {
        assertThat(facts(Figure.MARKERS_COMPLETED))
                .extracting(FactLine::aggregateId, FactLine::eventType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("900/1", "MarkerCompleted"),
                        org.assertj.core.groups.Tuple.tuple("900/2", "MarkerCompleted"));
    }

    @Test
    void anIndicatorInsideTheRangeShowsItsReportAndEveryCorrection() {
        List<FactLine> facts = facts(Figure.TRADE_TURNOVER_USD);

        assertThat(facts).extracting(FactLine::eventType).containsExactly("IndicatorReported", "IndicatorCorrected");
        assertThat(facts.get(1).previousAmount()).isEqualTo(100_000_000);
        assertThat(facts.get(1).amount()).isEqualTo(101_000_000);
        assertThat(figures.count(Figure.VISITORS_VN_TO_KH, JAN_1_1994, DEC_31_1994))
                .isZero();
    }

    @Test
    void agreementsInForceShowTheFactsOfEveryAgreementWhoseValidityOverlapsTheRange() {
        assertThat(facts(Figure.AGREEMENTS_IN_FORCE))
                .extracting(FactLine::aggregateId)
                .containsExactly("AGR-1994-001");
        assertThat(figures.of(Figure.AGREEMENTS_IN_FORCE, LocalDate.of(1992, 1, 1), LocalDate.of(1992, 12, 31), 50, 0))
                .extracting(FactLine::aggregateId)
                .containsExactly("AGR-1990-001", "AGR-1990-001");
    }

    @Test
    void pagesFollowTheGlobalOrder() {
        assertThat(figures.of(Figure.REMAINS_RECOVERED, JAN_1_1994, DEC_31_1994, 1, 1))
                .extracting(FactLine::amount)
                .containsExactly(32L);
        assertThat(figures.count(Figure.REMAINS_RECOVERED, JAN_1_1994, DEC_31_1994))
                .isEqualTo(2);
    }

    private List<FactLine> facts(Figure figure) {
        return figures.of(figure, JAN_1_1994, DEC_31_1994, 50, 0);
    }

    static AgreementSigned agreement(String id, LocalDate from, LocalDate to) {
        return new AgreementSigned(
                id,
                "Cooperation plan",
                List.of("VN-47", "KH-7"),
                from,
                "Rạch Giá",
                List.of(),
                Set.of(CooperationDomain.TRADE),
                from,
                to,
                "DOC");
    }

    static IndicatorReported trade(String id, LocalDate from, LocalDate to, long value) {
        return new IndicatorReported(
                id, IndicatorKind.TRADE_TURNOVER_USD, from, to, value, "HA_TIEN-PREK_CHAK", "DoIT", "VN-47");
    }
}
