package org.borderledger.command.indicator;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.indicator.IndicatorCommands.CorrectIndicator;
import org.borderledger.command.indicator.IndicatorCommands.ReportIndicator;
import org.borderledger.command.indicator.IndicatorRefusals.CorrectionChangesNothing;
import org.borderledger.command.indicator.IndicatorRefusals.IndicatorOfAnotherProvince;
import org.borderledger.command.indicator.IndicatorRefusals.NegativeIndicatorValue;
import org.borderledger.command.indicator.IndicatorRefusals.PeriodEndsBeforeItStarts;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.events.Side;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CooperationIndicatorTest {

    private static final String INDICATOR = "IND-2014-TRADE";
    private static final LocalDate FROM = LocalDate.of(2014, 1, 1);
    private static final LocalDate TO = LocalDate.of(2014, 12, 31);
    private static final String GATE = "HA_TIEN-PREK_CHAK";
    private static final String SOURCE = "Kiên Giang Department of Industry and Trade";

    private static final Submitter KIEN_GIANG_TRADE = new Submitter("kg-doit", "KG-INDUSTRY-TRADE", Side.VN, "VN-47");
    private static final Submitter KIEN_GIANG_BORDER_GUARD =
            new Submitter("kg-bg", "KG-BORDER-GUARD", Side.VN, "VN-47");
    private static final Submitter KAMPOT_COMMERCE = new Submitter("kp-doc", "KP-COMMERCE", Side.KH, "KH-7");

    private static final IndicatorReported REPORTED = new IndicatorReported(
            INDICATOR, IndicatorKind.TRADE_TURNOVER_USD, FROM, TO, 101_000_000L, GATE, SOURCE, "VN-47");

    private FixtureConfiguration<CooperationIndicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CooperationIndicator.class)
                .registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    private static ReportIndicator report(LocalDate from, LocalDate to, long value) {
        return new ReportIndicator(
                INDICATOR, IndicatorKind.TRADE_TURNOVER_USD, from, to, value, GATE, SOURCE, KIEN_GIANG_TRADE);
    }

    @Test
    void recordsAFigureAsReportedByTheUnitsProvince() {
        fixture.givenNoPriorActivity().when(report(FROM, TO, 101_000_000L)).expectEvents(REPORTED);
    }

    @Test
    void recordsAProvinceWideVisitorCountWithoutABorderGate() {
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        fixture.givenNoPriorActivity()
                .when(new ReportIndicator(
                        "IND-2023-VISITORS-VN-KH",
                        IndicatorKind.VISITORS_VN_TO_KH,
                        from,
                        to,
                        53_000L,
                        null,
                        "Review of the 2022-2023 cooperation",
                        KIEN_GIANG_TRADE))
                .expectEvents(new IndicatorReported(
                        "IND-2023-VISITORS-VN-KH",
                        IndicatorKind.VISITORS_VN_TO_KH,
                        from,
                        to,
                        53_000L,
                        null,
                        "Review of the 2022-2023 cooperation",
                        "VN-47"));
    }

    @Test
    void acceptsAFigureOfZero() {
        fixture.givenNoPriorActivity()
                .when(report(FROM, TO, 0))
                .expectEvents(new IndicatorReported(
                        INDICATOR, IndicatorKind.TRADE_TURNOVER_USD, FROM, TO, 0, GATE, SOURCE, "VN-47"));
    }

    @Test
    void acceptsAPeriodOfASingleDay() {
        fixture.givenNoPriorActivity()
                .when(report(TO, TO, 250_000L))
                .expectEvents(new IndicatorReported(
                        INDICATOR, IndicatorKind.TRADE_TURNOVER_USD, TO, TO, 250_000L, GATE, SOURCE, "VN-47"));
    }

    @Test
    void rejectsANegativeFigure() {
        fixture.givenNoPriorActivity()
                .when(report(FROM, TO, -1))
                .expectException(NegativeIndicatorValue.class)
                .expectException(namingFields("value"))
                .expectNoEvents();
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(report(TO, FROM, 101_000_000L))
                .expectException(PeriodEndsBeforeItStarts.class)
                .expectException(namingFields("periodFrom", "periodTo"))
                .expectNoEvents();
    }

    @Test
    void correctsAFigureAndKeepsThePreviousValueInTheFact() {
        fixture.given(REPORTED)
                .when(new CorrectIndicator(INDICATOR, 101_500_000L, "Customs figures", KIEN_GIANG_TRADE))
                .expectEvents(new IndicatorCorrected(INDICATOR, 101_000_000L, 101_500_000L, "Customs figures"));
    }

    @Test
    void acceptsACorrectionByAnotherUnitOfTheReportingProvince() {
        fixture.given(REPORTED)
                .when(new CorrectIndicator(INDICATOR, 101_500_000L, "Gate records", KIEN_GIANG_BORDER_GUARD))
                .expectEvents(new IndicatorCorrected(INDICATOR, 101_000_000L, 101_500_000L, "Gate records"));
    }

    @Test
    void correctsFromTheLatestCorrectedValue() {
        fixture.given(REPORTED, new IndicatorCorrected(INDICATOR, 101_000_000L, 101_500_000L, "Customs figures"))
                .when(new CorrectIndicator(INDICATOR, 101_000_000L, "Customs figures withdrawn", KIEN_GIANG_TRADE))
                .expectEvents(
                        new IndicatorCorrected(INDICATOR, 101_500_000L, 101_000_000L, "Customs figures withdrawn"));
    }

    @Test
    void rejectsACorrectionToANegativeFigure() {
        fixture.given(REPORTED)
                .when(new CorrectIndicator(INDICATOR, -101_000_000L, "Sign error", KIEN_GIANG_TRADE))
                .expectException(NegativeIndicatorValue.class)
                .expectException(namingFields("value"))
                .expectNoEvents();
    }

    @Test
    void rejectsACorrectionByAUnitOfAnotherProvince() {
        fixture.given(REPORTED)
                .when(new CorrectIndicator(INDICATOR, 98_000_000L, "Cambodian customs", KAMPOT_COMMERCE))
                .expectException(IndicatorOfAnotherProvince.class)
                .expectNoEvents();
    }

    @Test
    void rejectsACorrectionThatRepeatsTheCurrentValue() {
        fixture.given(REPORTED)
                .when(new CorrectIndicator(INDICATOR, 101_000_000L, "Confirmed", KIEN_GIANG_TRADE))
                .expectException(CorrectionChangesNothing.class)
                .expectException(namingFields("value"))
                .expectNoEvents();
    }
}
