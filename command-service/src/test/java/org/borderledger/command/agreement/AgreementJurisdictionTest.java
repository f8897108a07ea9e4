package org.borderledger.command.agreement;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.agreement.AgreementCommands.RecordAgreementReview;
import org.borderledger.command.agreement.AgreementCommands.SignAgreement;
import org.borderledger.command.agreement.AgreementRefusals.NotAPartyToAgreement;
import org.borderledger.command.agreement.AgreementRefusals.PartiesNotOnePerCountry;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.command.province.ProvinceRefusals.NotInReferenceData;
import org.borderledger.command.province.ProvinceRefusals.ProvinceEnded;
import org.borderledger.command.province.ProvinceRefusals.ProvinceNotValidOn;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pairs of provinces over time: who signs and records an agreement's facts before and after the 2025 merger. */
class AgreementJurisdictionTest {

    private static final Submitter KIEN_GIANG = new Submitter("kg-dofa", "KG-FOREIGN-AFFAIRS", Side.VN, "VN-47");
    private static final Submitter AN_GIANG = new Submitter("ag-dofa", "AG-FOREIGN-AFFAIRS", Side.VN, "VN-AG2025");
    private static final Submitter AN_GIANG_BEFORE_2025 =
            new Submitter("ag44-dofa", "AG44-FOREIGN-AFFAIRS", Side.VN, "VN-44");
    private static final Submitter KAMPOT = new Submitter("kp-hall", "KP-PROVINCIAL-HALL", Side.KH, "KH-7");

    private static final Set<CooperationDomain> DOMAINS = Set.of(CooperationDomain.TRADE);
    private static final LocalDate NOVEMBER_2025 = LocalDate.of(2025, 11, 3);
    private static final LocalDate MAY_2024 = LocalDate.of(2024, 5, 2);

    private FixtureConfiguration<CooperationAgreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CooperationAgreement.class)
                .registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    private static SignAgreement signature(List<String> parties, LocalDate signedOn, Submitter submitter) {
        return new SignAgreement(
                "AGR-1",
                "Border trade",
                parties,
                signedOn,
                "Kampot",
                List.of(new Signatory("Lê Trung Hồ", "Vice Chairman", parties.get(0))),
                DOMAINS,
                signedOn,
                signedOn.plusYears(2),
                null,
                submitter);
    }

    private static AgreementSigned signed(List<String> parties, LocalDate signedOn) {
        return new AgreementSigned(
                "AGR-1",
                "Border trade",
                parties,
                signedOn,
                "Kampot",
                List.of(new Signatory("Lê Trung Hồ", "Vice Chairman", parties.get(0))),
                DOMAINS,
                signedOn,
                signedOn.plusYears(2),
                null);
    }

    private static EventMessage<?> recordedBySuccessor(Object event, String successor) {
        return GenericEventMessage.asEventMessage(event)
                .andMetaData(Map.of(EventMetadata.RECORDED_BY_SUCCESSOR, successor));
    }

    @Test
    void aUnitOfTheNewAnGiangSignsWithKampotInNovember2025() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-AG2025", "KH-7"), NOVEMBER_2025, AN_GIANG))
                .expectEvents(GenericEventMessage.asEventMessage(signed(List.of("VN-AG2025", "KH-7"), NOVEMBER_2025)));
    }

    @Test
    void aKienGiangUnitIsRefusedForAFactDatedOnTheFirstDayOfTheNewProvinceNamingTheSuccessor() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-47", "KH-7"), LocalDate.of(2025, 7, 1), KIEN_GIANG))
                .expectException(ProvinceEnded.class)
                .expectException(namingFields("signedOn"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("VN-AG2025"))
                .expectNoEvents();
    }

    @Test
    void aKienGiangTokenStaysValidForFactsDatedBeforeTheEnd() {
        fixture.given(signed(List.of("VN-47", "KH-7"), MAY_2024))
                .when(new RecordAgreementReview(
                        "AGR-1", LocalDate.of(2025, 6, 30), MAY_2024, LocalDate.of(2025, 6, 30), "Review", KIEN_GIANG))
                .expectEvents(new AgreementReviewed(
                        "AGR-1", LocalDate.of(2025, 6, 30), MAY_2024, LocalDate.of(2025, 6, 30), "Review"));
    }

    @Test
    void aKienGiangUnitIsRefusedAReviewDatedAfterTheMerger() {
        fixture.given(signed(List.of("VN-47", "KH-7"), MAY_2024))
                .when(new RecordAgreementReview(
                        "AGR-1", LocalDate.of(2025, 8, 1), MAY_2024, LocalDate.of(2025, 6, 30), "Review", KIEN_GIANG))
                .expectException(ProvinceEnded.class)
                .expectException(namingFields("reviewedOn"))
                .expectNoEvents();
    }

    @Test
    void aUnitOfTheSuccessorRecordsA2024KienGiangFactMarkedAsRecordedByTheSuccessor() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-47", "KH-7"), MAY_2024, AN_GIANG))
                .expectEvents(recordedBySuccessor(signed(List.of("VN-47", "KH-7"), MAY_2024), "VN-AG2025"));
    }

    @Test
    void theSuccessorReviewsAnAgreementOfKienGiangAfterTheMergerAndThePartiesStayAsSigned() {
        AgreementReviewed review = new AgreementReviewed(
                "AGR-1", LocalDate.of(2025, 12, 1), MAY_2024, LocalDate.of(2025, 11, 30), "Review");
        fixture.given(signed(List.of("VN-47", "KH-7"), MAY_2024))
                .when(new RecordAgreementReview(
                        "AGR-1",
                        review.reviewedOn(),
                        review.periodFrom(),
                        review.periodTo(),
                        review.summary(),
                        AN_GIANG))
                .expectEvents(recordedBySuccessor(review, "VN-AG2025"));
    }

    @Test
    void theOldAnGiangAndKandalAreAPairOfTheirOwn() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-44", "KH-8"), MAY_2024, AN_GIANG_BEFORE_2025))
                .expectEvents(signed(List.of("VN-44", "KH-8"), MAY_2024));
    }

    @Test
    void aProvinceThatDoesNotContinueAPartyRecordsNothing() {
        fixture.given(signed(List.of("VN-44", "KH-8"), MAY_2024))
                .when(new RecordAgreementReview("AGR-1", MAY_2024, MAY_2024, MAY_2024, "Review", KAMPOT))
                .expectException(NotAPartyToAgreement.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownProvinceCodeNamingTheParties() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-99", "KH-7"), MAY_2024, KAMPOT))
                .expectException(NotInReferenceData.class)
                .expectException(namingFields("parties"))
                .expectNoEvents();
    }

    @Test
    void refusesTwoProvincesOfOneSide() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-AG2025", "VN-44"), MAY_2024, AN_GIANG))
                .expectException(PartiesNotOnePerCountry.class)
                .expectException(namingFields("parties"))
                .expectNoEvents();
    }

    @Test
    void refusesAPartyOutsideItsValidityNamingThePartiesAndTheDate() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-AG2025", "KH-7"), MAY_2024, KAMPOT))
                .expectException(ProvinceNotValidOn.class)
                .expectException(namingFields("parties", "signedOn"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-47", "KH-7"), NOVEMBER_2025, KAMPOT))
                .expectException(ProvinceNotValidOn.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("continued by: VN-AG2025"))
                .expectNoEvents();
    }
}
