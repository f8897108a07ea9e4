package org.borderledger.command.agreement;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.agreement.AgreementCommands.AmendAgreement;
import org.borderledger.command.agreement.AgreementCommands.RecordAgreementReview;
import org.borderledger.command.agreement.AgreementCommands.SignAgreement;
import org.borderledger.command.agreement.AgreementCommands.TerminateAgreement;
import org.borderledger.command.agreement.AgreementRefusals.AgreementAlreadyTerminated;
import org.borderledger.command.agreement.AgreementRefusals.DatedBeforeSignature;
import org.borderledger.command.agreement.AgreementRefusals.NotAPartyToAgreement;
import org.borderledger.command.agreement.AgreementRefusals.PartiesNotOnePerCountry;
import org.borderledger.command.agreement.AgreementRefusals.ReviewPeriodEndsBeforeItStarts;
import org.borderledger.command.agreement.AgreementRefusals.SignatoryOfNoParty;
import org.borderledger.command.agreement.AgreementRefusals.ValidityEndsBeforeItStarts;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CooperationAgreementTest {

    private static final String AGREEMENT = "AGR-2014-001";
    private static final String TITLE = "Cooperation plan 2014-2015";
    private static final List<String> PARTIES = List.of("VN-47", "KH-7");
    private static final LocalDate SIGNED_ON = LocalDate.of(2014, 5, 26);
    private static final LocalDate VALID_TO = LocalDate.of(2015, 12, 31);
    private static final String PLACE = "Rạch Giá";
    private static final String DOCUMENT = "KH-HT/2014/05";
    private static final List<Signatory> SIGNATORIES = List.of(
            new Signatory("Vice-chairman of Kiên Giang", "Vice-chairman", "VN-47"),
            new Signatory("Deputy governor of Kampot", "Deputy governor", "KH-7"));
    private static final Set<CooperationDomain> DOMAINS = Set.of(
            CooperationDomain.BORDER_SECURITY,
            CooperationDomain.TRADE,
            CooperationDomain.REMAINS_REPATRIATION,
            CooperationDomain.BORDER_DEMARCATION);

    private static final Submitter KIEN_GIANG_FOREIGN_AFFAIRS =
            new Submitter("kg-dofa", "KG-FOREIGN-AFFAIRS", Side.VN, "VN-47");
    private static final Submitter KAMPOT_PROVINCIAL_HALL =
            new Submitter("kp-hall", "KP-PROVINCIAL-HALL", Side.KH, "KH-7");
    private static final Submitter AN_GIANG_FOREIGN_AFFAIRS =
            new Submitter("ag-dofa", "AG-FOREIGN-AFFAIRS", Side.VN, "VN-44");

    private static final AgreementSigned SIGNED = new AgreementSigned(
            AGREEMENT, TITLE, PARTIES, SIGNED_ON, PLACE, SIGNATORIES, DOMAINS, SIGNED_ON, VALID_TO, DOCUMENT);
    private static final AgreementTerminated TERMINATED =
            new AgreementTerminated(AGREEMENT, LocalDate.of(2025, 1, 1), "Superseded by the 2025-2030 plan");

    private static final LocalDate REVIEWED_ON = LocalDate.of(2024, 3, 25);
    private static final LocalDate REVIEW_FROM = LocalDate.of(2022, 1, 1);
    private static final LocalDate REVIEW_TO = LocalDate.of(2023, 12, 31);
    private static final String REVIEW_SUMMARY = "Two-way trade 256 million USD; 53,000 and 40,000 visitors";

    private FixtureConfiguration<CooperationAgreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CooperationAgreement.class)
                .registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    private static SignAgreement signature(List<String> parties, List<Signatory> signatories, Submitter submitter) {
        return new SignAgreement(
                AGREEMENT,
                TITLE,
                parties,
                SIGNED_ON,
                PLACE,
                signatories,
                DOMAINS,
                SIGNED_ON,
                VALID_TO,
                DOCUMENT,
                submitter);
    }

    private static SignAgreement signatureValid(LocalDate validFrom, LocalDate validTo) {
        return new SignAgreement(
                AGREEMENT,
                TITLE,
                PARTIES,
                SIGNED_ON,
                PLACE,
                SIGNATORIES,
                DOMAINS,
                validFrom,
                validTo,
                DOCUMENT,
                KIEN_GIANG_FOREIGN_AFFAIRS);
    }

    @Test
    void signsAnAgreementBetweenKienGiangAndKampot() {
        fixture.givenNoPriorActivity()
                .when(signature(PARTIES, SIGNATORIES, KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectEvents(SIGNED);
    }

    @Test
    void acceptsASignatureSubmittedByTheCambodianParty() {
        fixture.givenNoPriorActivity()
                .when(signature(PARTIES, SIGNATORIES, KAMPOT_PROVINCIAL_HALL))
                .expectEvents(SIGNED);
    }

    @Test
    void rejectsAnAgreementWithASingleParty() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-47"), SIGNATORIES.subList(0, 1), KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(PartiesNotOnePerCountry.class)
                .expectException(namingFields("parties"))
                .expectNoEvents();
    }

    @Test
    void rejectsAnAgreementWithThreeParties() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-47", "KH-7", "KH-21"), SIGNATORIES, KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(PartiesNotOnePerCountry.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnAgreementOfAProvinceWithItself() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-47", "VN-47"), SIGNATORIES.subList(0, 1), KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(PartiesNotOnePerCountry.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnAgreementBetweenTwoProvincesOfTheSameCountry() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("VN-47", "VN-44"), SIGNATORIES.subList(0, 1), KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(PartiesNotOnePerCountry.class)
                .expectNoEvents();
    }

    @Test
    void rejectsPartiesThatAreNotProvinceCodes() {
        fixture.givenNoPriorActivity()
                .when(signature(List.of("Kiên Giang", "Kampot"), List.of(), KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(PartiesNotOnePerCountry.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAValidityThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(signatureValid(SIGNED_ON, SIGNED_ON.minusDays(1)))
                .expectException(ValidityEndsBeforeItStarts.class)
                .expectException(namingFields("validFrom", "validTo"))
                .expectNoEvents();
    }

    @Test
    void rejectsAValidityThatEndsOnTheDayItStarts() {
        fixture.givenNoPriorActivity()
                .when(signatureValid(SIGNED_ON, SIGNED_ON))
                .expectException(ValidityEndsBeforeItStarts.class)
                .expectNoEvents();
    }

    @Test
    void rejectsASignatoryWhoSignsForNoParty() {
        List<Signatory> withStranger =
                List.of(SIGNATORIES.get(0), SIGNATORIES.get(1), new Signatory("Guest", "Vice-chairman", "VN-44"));
        fixture.givenNoPriorActivity()
                .when(signature(PARTIES, withStranger, KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(SignatoryOfNoParty.class)
                .expectException(namingFields("signatories"))
                .expectNoEvents();
    }

    @Test
    void rejectsASignatureSubmittedByAProvinceThatIsNoParty() {
        fixture.givenNoPriorActivity()
                .when(signature(PARTIES, SIGNATORIES, AN_GIANG_FOREIGN_AFFAIRS))
                .expectException(NotAPartyToAgreement.class)
                .expectNoEvents();
    }

    @Test
    void recordsAPeriodicReview() {
        fixture.given(SIGNED)
                .when(new RecordAgreementReview(
                        AGREEMENT, REVIEWED_ON, REVIEW_FROM, REVIEW_TO, REVIEW_SUMMARY, KAMPOT_PROVINCIAL_HALL))
                .expectEvents(new AgreementReviewed(AGREEMENT, REVIEWED_ON, REVIEW_FROM, REVIEW_TO, REVIEW_SUMMARY));
    }

    @Test
    void acceptsAReviewOfASingleDay() {
        fixture.given(SIGNED)
                .when(new RecordAgreementReview(
                        AGREEMENT, REVIEWED_ON, REVIEW_TO, REVIEW_TO, "Year-end check", KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectEvents(new AgreementReviewed(AGREEMENT, REVIEWED_ON, REVIEW_TO, REVIEW_TO, "Year-end check"));
    }

    @Test
    void rejectsAReviewPeriodThatEndsBeforeItStarts() {
        fixture.given(SIGNED)
                .when(new RecordAgreementReview(
                        AGREEMENT, REVIEWED_ON, REVIEW_TO, REVIEW_FROM, REVIEW_SUMMARY, KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(ReviewPeriodEndsBeforeItStarts.class)
                .expectException(namingFields("periodFrom", "periodTo"))
                .expectNoEvents();
    }

    @Test
    void rejectsAReviewDatedBeforeTheSignature() {
        fixture.given(SIGNED)
                .when(new RecordAgreementReview(
                        AGREEMENT,
                        SIGNED_ON.minusDays(1),
                        REVIEW_FROM,
                        REVIEW_TO,
                        REVIEW_SUMMARY,
                        KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(DatedBeforeSignature.class)
                .expectException(namingFields("reviewedOn"))
                .expectNoEvents();
    }

    @Test
    void rejectsAReviewRecordedByAProvinceThatIsNoParty() {
        fixture.given(SIGNED)
                .when(new RecordAgreementReview(
                        AGREEMENT, REVIEWED_ON, REVIEW_FROM, REVIEW_TO, REVIEW_SUMMARY, AN_GIANG_FOREIGN_AFFAIRS))
                .expectException(NotAPartyToAgreement.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAReviewAfterTermination() {
        fixture.given(SIGNED, TERMINATED)
                .when(new RecordAgreementReview(
                        AGREEMENT, REVIEWED_ON, REVIEW_FROM, REVIEW_TO, REVIEW_SUMMARY, KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(AgreementAlreadyTerminated.class)
                .expectNoEvents();
    }

    @Test
    void recordsAnAmendmentThatExtendsValidityAndAddsDomains() {
        LocalDate amendedOn = LocalDate.of(2015, 11, 20);
        LocalDate extendedTo = LocalDate.of(2020, 12, 31);
        Set<CooperationDomain> domains = Set.of(
                CooperationDomain.BORDER_SECURITY,
                CooperationDomain.TRADE,
                CooperationDomain.TOURISM,
                CooperationDomain.REMAINS_REPATRIATION,
                CooperationDomain.BORDER_DEMARCATION);
        fixture.given(SIGNED)
                .when(new AmendAgreement(
                        AGREEMENT,
                        amendedOn,
                        "Extended to 2020; tourism added",
                        domains,
                        extendedTo,
                        "KH-HT/2015/11",
                        KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectEvents(new AgreementAmended(
                        AGREEMENT, amendedOn, "Extended to 2020; tourism added", domains, extendedTo, "KH-HT/2015/11"));
    }

    @Test
    void recordsAnAmendmentThatLeavesDomainsAndValidityUnchanged() {
        LocalDate amendedOn = LocalDate.of(2015, 2, 10);
        fixture.given(SIGNED)
                .when(new AmendAgreement(
                        AGREEMENT, amendedOn, "Liaison officers renamed", null, null, null, KAMPOT_PROVINCIAL_HALL))
                .expectEvents(new AgreementAmended(AGREEMENT, amendedOn, "Liaison officers renamed", null, null, null));
    }

    @Test
    void rejectsAnAmendmentThatEndsValidityOnTheDayItStarts() {
        fixture.given(SIGNED)
                .when(new AmendAgreement(
                        AGREEMENT,
                        LocalDate.of(2015, 2, 10),
                        "Shortened",
                        null,
                        SIGNED_ON,
                        null,
                        KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(ValidityEndsBeforeItStarts.class)
                .expectException(namingFields("validTo"))
                .expectNoEvents();
    }

    @Test
    void rejectsAnAmendmentDatedBeforeTheSignature() {
        fixture.given(SIGNED)
                .when(new AmendAgreement(
                        AGREEMENT,
                        SIGNED_ON.minusDays(1),
                        "Draft change",
                        null,
                        null,
                        null,
                        KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(DatedBeforeSignature.class)
                .expectException(namingFields("amendedOn"))
                .expectNoEvents();
    }

    @Test
    void rejectsAnAmendmentRecordedByAProvinceThatIsNoParty() {
        fixture.given(SIGNED)
                .when(new AmendAgreement(
                        AGREEMENT, LocalDate.of(2015, 2, 10), "Change", null, null, null, AN_GIANG_FOREIGN_AFFAIRS))
                .expectException(NotAPartyToAgreement.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnAmendmentAfterTermination() {
        fixture.given(SIGNED, TERMINATED)
                .when(new AmendAgreement(
                        AGREEMENT,
                        LocalDate.of(2025, 2, 1),
                        "Late change",
                        null,
                        LocalDate.of(2030, 12, 31),
                        null,
                        KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(AgreementAlreadyTerminated.class)
                .expectNoEvents();
    }

    @Test
    void terminatesTheAgreement() {
        fixture.given(SIGNED)
                .when(new TerminateAgreement(
                        AGREEMENT,
                        LocalDate.of(2025, 1, 1),
                        "Superseded by the 2025-2030 plan",
                        KAMPOT_PROVINCIAL_HALL))
                .expectEvents(TERMINATED);
    }

    @Test
    void rejectsATerminationDatedBeforeTheSignature() {
        fixture.given(SIGNED)
                .when(new TerminateAgreement(
                        AGREEMENT, SIGNED_ON.minusDays(1), "Never in force", KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(DatedBeforeSignature.class)
                .expectException(namingFields("terminatedOn"))
                .expectNoEvents();
    }

    @Test
    void rejectsASecondTermination() {
        fixture.given(SIGNED, TERMINATED)
                .when(new TerminateAgreement(
                        AGREEMENT, LocalDate.of(2025, 2, 1), "Terminated again", KIEN_GIANG_FOREIGN_AFFAIRS))
                .expectException(AgreementAlreadyTerminated.class)
                .expectNoEvents();
    }

    @Test
    void rejectsATerminationByAProvinceThatIsNoParty() {
        fixture.given(SIGNED)
                .when(new TerminateAgreement(
                        AGREEMENT, LocalDate.of(2025, 1, 1), "Not ours to end", AN_GIANG_FOREIGN_AFFAIRS))
                .expectException(NotAPartyToAgreement.class)
                .expectNoEvents();
    }
}
