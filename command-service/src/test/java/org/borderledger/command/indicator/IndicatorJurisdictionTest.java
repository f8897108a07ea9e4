package org.borderledger.command.indicator;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.indicator.IndicatorCommands.CorrectIndicator;
import org.borderledger.command.indicator.IndicatorCommands.ReportIndicator;
import org.borderledger.command.indicator.IndicatorRefusals.PartnerOfSameSide;
import org.borderledger.command.indicator.IndicatorRefusals.ReportForAnotherProvince;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.command.province.ProvinceRefusals.NotInReferenceData;
import org.borderledger.command.province.ProvinceRefusals.ProvinceEnded;
import org.borderledger.command.province.ProvinceRefusals.ProvinceNotValidOn;
import org.borderledger.command.province.ProvinceRefusals.ProvinceOfTheDateNotNamed;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.Side;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.indicator.IndicatorUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** For which province a figure is reported, before and after the 2025 merger. */
class IndicatorJurisdictionTest {

    private static final Submitter KIEN_GIANG = new Submitter("kg-doit", "KG-INDUSTRY-TRADE", Side.VN, "VN-47");
    private static final Submitter AN_GIANG = new Submitter("ag-doit", "AG-INDUSTRY-TRADE", Side.VN, "VN-AG2025");
    private static final String SOURCE =
            "https://en.sggp.org.vn/an-giang-kampot-advance-border-trade-cooperation-post120918.html";

    private FixtureConfiguration<CooperationIndicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CooperationIndicator.class)
                .registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    private static ReportIndicator report(LocalDate from, LocalDate to, String province, Submitter submitter) {
        return new ReportIndicator(
                "IND-1",
                IndicatorKind.TRADE_TURNOVER_USD,
                from,
                to,
                7_000_000L,
                null,
                SOURCE,
                province,
                null,
                false,
                submitter);
    }

    private static IndicatorReported reported(LocalDate from, LocalDate to, String province) {
        return new IndicatorReported(
                "IND-1", IndicatorKind.TRADE_TURNOVER_USD, from, to, 7_000_000L, null, SOURCE, province);
    }

    @Test
    void aUnitOfTheNewAnGiangReportsA2025FigureForItsOwnProvince() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 11, 30);
        fixture.givenNoPriorActivity()
                .when(report(from, to, null, AN_GIANG))
                .expectEvents(GenericEventMessage.asEventMessage(reported(from, to, "VN-AG2025")));
    }

    @Test
    void aUnitOfTheSuccessorReportsA2024FigureOfKienGiangMarkedAsRecordedByTheSuccessor() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        fixture.givenNoPriorActivity()
                .when(report(from, to, "VN-47", AN_GIANG))
                .expectEvents(GenericEventMessage.asEventMessage(reported(from, to, "VN-47"))
                        .andMetaData(Map.of(EventMetadata.RECORDED_BY_SUCCESSOR, "VN-AG2025")));
    }

    @Test
    void aSuccessorOfTwoProvincesNamesWhichOneA2024FigureIsFor() {
        fixture.givenNoPriorActivity()
                .when(report(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, AN_GIANG))
                .expectException(ProvinceOfTheDateNotNamed.class)
                .expectException(namingFields("predecessorProvince"))
                .expectNoEvents();
    }

    @Test
    void aKienGiangUnitIsRefusedAFigureOfAPeriodEndingAfterTheMerger() {
        fixture.givenNoPriorActivity()
                .when(report(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1), null, KIEN_GIANG))
                .expectException(ProvinceEnded.class)
                .expectException(namingFields("periodTo"))
                .expectExceptionMessage(Matchers.containsString("VN-AG2025"))
                .expectNoEvents();
    }

    @Test
    void aKienGiangUnitReportsTheFirstHalfOf2025() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 6, 30);
        fixture.givenNoPriorActivity()
                .when(report(from, to, null, KIEN_GIANG))
                .expectEvents(reported(from, to, "VN-47"));
    }

    @Test
    void aUnitReportsForNoProvinceItsOwnDoesNotContinue() {
        fixture.givenNoPriorActivity()
                .when(report(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "KH-7", KIEN_GIANG))
                .expectException(ReportForAnotherProvince.class)
                .expectException(namingFields("predecessorProvince"))
                .expectNoEvents();
    }

    @Test
    void aNamedProvinceExistsOnThePeriodsEnd() {
        fixture.givenNoPriorActivity()
                .when(report(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 11, 30), "VN-47", AN_GIANG))
                .expectException(ProvinceNotValidOn.class)
                .expectException(namingFields("predecessorProvince"))
                .expectNoEvents();
    }

    @Test
    void theSuccessorCorrectsAFigureOfKienGiangWhichKeepsItsProvince() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        fixture.given(reported(from, to, "VN-47"))
                .when(new CorrectIndicator("IND-1", 7_200_000L, "Final customs figure", AN_GIANG))
                .expectEvents(GenericEventMessage.asEventMessage(
                                new IndicatorCorrected("IND-1", 7_000_000L, 7_200_000L, "Final customs figure"))
                        .andMetaData(Map.of(EventMetadata.RECORDED_BY_SUCCESSOR, "VN-AG2025")));
    }

    @Test
    void theMemorandumsTradeEstimateIsAFigureOfThePairMarkedAsAnEstimate() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 10, 10);
        fixture.givenNoPriorActivity()
                .when(new ReportIndicator(
                        "IND-1",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        from,
                        to,
                        7_000_000L,
                        null,
                        SOURCE,
                        null,
                        "KH-7",
                        true,
                        AN_GIANG))
                .expectEvents(new IndicatorReported(
                        "IND-1",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        from,
                        to,
                        7_000_000L,
                        IndicatorUnit.USD,
                        null,
                        SOURCE,
                        "VN-AG2025",
                        "KH-7",
                        true));
    }

    @Test
    void aPartnerIsAProvinceOfTheOtherSideExistingAtThePeriodsEnd() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 10, 10);
        fixture.givenNoPriorActivity()
                .when(new ReportIndicator(
                        "IND-1",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        from,
                        to,
                        1L,
                        null,
                        SOURCE,
                        null,
                        "VN-44",
                        false,
                        AN_GIANG))
                .expectException(ProvinceNotValidOn.class)
                .expectException(namingFields("partnerProvince"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ReportIndicator(
                        "IND-1",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 12, 31),
                        1L,
                        null,
                        SOURCE,
                        "VN-47",
                        "VN-44",
                        false,
                        AN_GIANG))
                .expectException(PartnerOfSameSide.class)
                .expectException(namingFields("partnerProvince"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ReportIndicator(
                        "IND-1",
                        IndicatorKind.TRADE_TURNOVER_USD,
                        from,
                        to,
                        1L,
                        null,
                        SOURCE,
                        null,
                        "KH-99",
                        false,
                        AN_GIANG))
                .expectException(NotInReferenceData.class)
                .expectException(namingFields("partnerProvince"))
                .expectNoEvents();
    }
}
