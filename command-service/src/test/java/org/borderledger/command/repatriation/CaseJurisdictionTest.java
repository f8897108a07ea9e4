package org.borderledger.command.repatriation;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.command.province.ProvinceRefusals.DistrictAfterReform;
import org.borderledger.command.province.ProvinceRefusals.NotInReferenceData;
import org.borderledger.command.province.ProvinceRefusals.ProvinceEnded;
import org.borderledger.command.province.ProvinceRefusals.ProvinceNotValidOn;
import org.borderledger.command.repatriation.RepatriationCaseCommands.OpenRepatriationCase;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRemainsRecovery;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.Side;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search cases across the 2025 merger, and the addresses of recovery sites before and after Viet Nam's reform. */
class CaseJurisdictionTest {

    private static final Submitter KIEN_GIANG = new Submitter("kg-k92", "KG-SEARCH-TEAM", Side.VN, "VN-47");
    private static final Submitter AN_GIANG = new Submitter("ag-search", "AG-SEARCH-TEAM", Side.VN, "VN-AG2025");
    private static final Submitter KAMPOT = new Submitter("kp-liaison", "KP-PROVINCIAL-HALL", Side.KH, "KH-7");

    /** A Kiên Giang team searching in Kampot, and a Kampot team searching on the Vietnamese side. */
    private static final RepatriationCaseOpened IN_KAMPOT =
            new RepatriationCaseOpened("REP-1", "2023-2024", "KH-7", "KG-SEARCH-TEAM", "VN-47");

    private static final RepatriationCaseOpened IN_KIEN_GIANG =
            new RepatriationCaseOpened("REP-1", "2024-2025", "VN-47", "KP-PROVINCIAL-HALL", "KH-7");

    private static final RecoverySite KAMPONG_TRACH =
            new RecoverySite("KH-7", "Kampong Trach", "Kampong Trach Khang Kaeut", null);

    private FixtureConfiguration<RepatriationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RepatriationCase.class)
                .registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    @Test
    void aUnitOfTheSuccessorRecordsA2024RecoveryOfAKienGiangCaseMarkedAsRecordedByTheSuccessor() {
        LocalDate recoveredOn = LocalDate.of(2024, 3, 2);
        fixture.given(IN_KAMPOT)
                .when(new RecordRemainsRecovery("REP-1", recoveredOn, 3, KAMPONG_TRACH, AN_GIANG))
                .expectEvents(
                        GenericEventMessage.asEventMessage(new RemainsRecovered("REP-1", recoveredOn, 3, KAMPONG_TRACH))
                                .andMetaData(Map.of(EventMetadata.RECORDED_BY_SUCCESSOR, "VN-AG2025")));
    }

    @Test
    void aKienGiangUnitRecordsNoRecoveryDatedAfterItsEnd() {
        fixture.given(IN_KAMPOT)
                .when(new RecordRemainsRecovery("REP-1", LocalDate.of(2025, 7, 2), 3, KAMPONG_TRACH, KIEN_GIANG))
                .expectException(ProvinceEnded.class)
                .expectException(namingFields("recoveredOn"))
                .expectExceptionMessage(Matchers.containsString("VN-AG2025"))
                .expectNoEvents();
    }

    @Test
    void cambodiaKeepsItsDistrictsAfterVietNamsReform() {
        LocalDate recoveredOn = LocalDate.of(2025, 11, 4);
        fixture.given(IN_KAMPOT)
                .when(new RecordRemainsRecovery("REP-1", recoveredOn, 2, KAMPONG_TRACH, KAMPOT))
                .expectEvents(new RemainsRecovered("REP-1", recoveredOn, 2, KAMPONG_TRACH));
    }

    @Test
    void aVietnameseSiteBeforeTheReformHasItsDistrict() {
        LocalDate recoveredOn = LocalDate.of(2024, 12, 5);
        RecoverySite site = new RecoverySite("VN-47", "Giang Thành", "Phú Mỹ", null);
        fixture.given(IN_KIEN_GIANG)
                .when(new RecordRemainsRecovery("REP-1", recoveredOn, 1, site, KAMPOT))
                .expectEvents(new RemainsRecovered("REP-1", recoveredOn, 1, site));
    }

    @Test
    void aVietnameseSiteFromTheReformOnIsACommuneOfTheProvinceThatContinuesTheSearchedOne() {
        LocalDate recoveredOn = LocalDate.of(2025, 8, 5);
        RecoverySite site = new RecoverySite("VN-AG2025", null, "Giang Thành", null);
        fixture.given(IN_KIEN_GIANG)
                .when(new RecordRemainsRecovery("REP-1", recoveredOn, 1, site, KAMPOT))
                .expectEvents(new RemainsRecovered("REP-1", recoveredOn, 1, site));
    }

    @Test
    void aVietnameseSiteFromTheReformOnHasNoDistrict() {
        RecoverySite site = new RecoverySite("VN-AG2025", "Giang Thành", "Phú Mỹ", null);
        fixture.given(IN_KIEN_GIANG)
                .when(new RecordRemainsRecovery("REP-1", LocalDate.of(2025, 8, 5), 1, site, KAMPOT))
                .expectException(DistrictAfterReform.class)
                .expectException(namingFields("site.district"))
                .expectNoEvents();
    }

    @Test
    void aSiteInAProvinceThatNoLongerExistsIsRefusedNamingTheSuccessor() {
        RecoverySite site = new RecoverySite("VN-47", null, "Giang Thành", null);
        fixture.given(IN_KIEN_GIANG)
                .when(new RecordRemainsRecovery("REP-1", LocalDate.of(2025, 8, 5), 1, site, KAMPOT))
                .expectException(ProvinceNotValidOn.class)
                .expectException(namingFields("site.province", "recoveredOn"))
                .expectExceptionMessage(Matchers.containsString("VN-AG2025"))
                .expectNoEvents();
    }

    @Test
    void refusesASearchProvinceTheReferenceDataDoesNotHold() {
        fixture.givenNoPriorActivity()
                .when(new OpenRepatriationCase("REP-1", "2025-2026", "KH-99", null, AN_GIANG))
                .expectException(NotInReferenceData.class)
                .expectException(namingFields("searchProvince"))
                .expectNoEvents();
    }
}
