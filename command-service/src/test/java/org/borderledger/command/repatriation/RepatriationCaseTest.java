package org.borderledger.command.repatriation;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.command.repatriation.RepatriationCaseCommands.OpenRepatriationCase;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRemainsRecovery;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRepatriation;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.CaseForAnotherUnit;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.CaseOfAnotherProvince;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.CountNotPositive;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.MoreRepatriatedThanRecovered;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.RecoveryOutsideSearchProvince;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.RepatriationBeforeRecovery;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.UnknownProvince;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RepatriationCaseTest {

    private static final String CASE = "REP-2014-KP-01";
    private static final String SEARCH_TEAM = "KG-MILITARY-COMMAND-SEARCH-TEAM";
    private static final String GATE = "HA_TIEN-PREK_CHAK";
    private static final String RECEIVING_UNIT = "KG-MILITARY-COMMAND";
    private static final LocalDate FIRST_RECOVERY_ON = LocalDate.of(2014, 3, 2);
    private static final LocalDate SECOND_RECOVERY_ON = LocalDate.of(2014, 3, 20);
    private static final LocalDate REPATRIATED_ON = LocalDate.of(2014, 4, 20);
    private static final RecoverySite KAMPONG_TRACH =
            new RecoverySite("KH-7", "Kampong Trach", "Kampong Trach Khang Kaeut", new GeoPoint(10.56, 104.47));

    private static final Submitter KIEN_GIANG_SEARCH_TEAM = new Submitter("kg-k92", SEARCH_TEAM, Side.VN, "VN-47");
    private static final Submitter KAMPOT_LIAISON = new Submitter("kp-liaison", "KP-PROVINCIAL-HALL", Side.KH, "KH-7");
    private static final Submitter AN_GIANG_SEARCH_TEAM =
            new Submitter("ag-search", "AG-SEARCH-TEAM", Side.VN, "VN-44");

    private static final RepatriationCaseOpened OPENED =
            new RepatriationCaseOpened(CASE, "2013-2014", "KH-7", SEARCH_TEAM, "VN-47");
    private static final RemainsRecovered TWELVE_RECOVERED =
            new RemainsRecovered(CASE, FIRST_RECOVERY_ON, 12, KAMPONG_TRACH);
    private static final RemainsRecovered THIRTY_TWO_RECOVERED =
            new RemainsRecovered(CASE, SECOND_RECOVERY_ON, 32, KAMPONG_TRACH);

    private FixtureConfiguration<RepatriationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RepatriationCase.class)
                .registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    @Test
    void opensACaseOwnedByTheOpeningUnitsProvince() {
        fixture.givenNoPriorActivity()
                .when(new OpenRepatriationCase(CASE, "2013-2014", "KH-7", SEARCH_TEAM, KIEN_GIANG_SEARCH_TEAM))
                .expectEvents(OPENED);
    }

    @Test
    void theSubmittingUnitSearchesWhenTheRequestNamesNone() {
        fixture.givenNoPriorActivity()
                .when(new OpenRepatriationCase(CASE, "2013-2014", "KH-7", null, KIEN_GIANG_SEARCH_TEAM))
                .expectEvents(OPENED);
    }

    @Test
    void rejectsACaseOpenedForAnotherUnit() {
        fixture.givenNoPriorActivity()
                .when(new OpenRepatriationCase(CASE, "2013-2014", "KH-7", "KP-PROVINCIAL-HALL", KIEN_GIANG_SEARCH_TEAM))
                .expectException(CaseForAnotherUnit.class)
                .expectException(namingFields("searchingUnit"))
                .expectNoEvents();
    }

    @Test
    void rejectsARecoveryOutsideTheProvinceSearched() {
        RecoverySite inKienGiang = new RecoverySite("VN-47", "Hà Tiên", null, null);
        fixture.given(OPENED)
                .when(new RecordRemainsRecovery(CASE, FIRST_RECOVERY_ON, 12, inKienGiang, KIEN_GIANG_SEARCH_TEAM))
                .expectException(RecoveryOutsideSearchProvince.class)
                .expectException(namingFields("site.province"))
                .expectNoEvents();
    }

    @Test
    void rejectsACaseInAProvinceThatIsNotAProvinceCode() {
        fixture.givenNoPriorActivity()
                .when(new OpenRepatriationCase(CASE, "2013-2014", "Kampot", SEARCH_TEAM, KIEN_GIANG_SEARCH_TEAM))
                .expectException(UnknownProvince.class)
                .expectException(namingFields("searchProvince"))
                .expectNoEvents();
    }

    @Test
    void recordsARecoveryByTheSearchingProvince() {
        fixture.given(OPENED)
                .when(new RecordRemainsRecovery(CASE, FIRST_RECOVERY_ON, 12, KAMPONG_TRACH, KIEN_GIANG_SEARCH_TEAM))
                .expectEvents(TWELVE_RECOVERED);
    }

    @Test
    void recordsARecoveryByTheSearchedProvince() {
        fixture.given(OPENED)
                .when(new RecordRemainsRecovery(CASE, FIRST_RECOVERY_ON, 12, KAMPONG_TRACH, KAMPOT_LIAISON))
                .expectEvents(TWELVE_RECOVERED);
    }

    @Test
    void rejectsARecoveryOfNoRemains() {
        fixture.given(OPENED)
                .when(new RecordRemainsRecovery(CASE, FIRST_RECOVERY_ON, 0, KAMPONG_TRACH, KIEN_GIANG_SEARCH_TEAM))
                .expectException(CountNotPositive.class)
                .expectException(namingFields("count"))
                .expectNoEvents();
    }

    @Test
    void rejectsARecoveryWithANegativeCount() {
        fixture.given(OPENED)
                .when(new RecordRemainsRecovery(CASE, FIRST_RECOVERY_ON, -3, KAMPONG_TRACH, KIEN_GIANG_SEARCH_TEAM))
                .expectException(CountNotPositive.class)
                .expectNoEvents();
    }

    @Test
    void rejectsARecoveryRecordedByAUnitOfAnotherProvince() {
        fixture.given(OPENED)
                .when(new RecordRemainsRecovery(CASE, FIRST_RECOVERY_ON, 12, KAMPONG_TRACH, AN_GIANG_SEARCH_TEAM))
                .expectException(CaseOfAnotherProvince.class)
                .expectNoEvents();
    }

    @Test
    void recordsTheRepatriationOfRecoveredRemains() {
        fixture.given(OPENED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(CASE, REPATRIATED_ON, 12, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectEvents(new RemainsRepatriated(CASE, REPATRIATED_ON, 12, GATE, RECEIVING_UNIT));
    }

    @Test
    void recordsARepatriationByTheSearchedProvince() {
        fixture.given(OPENED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(CASE, REPATRIATED_ON, 12, GATE, RECEIVING_UNIT, KAMPOT_LIAISON))
                .expectEvents(new RemainsRepatriated(CASE, REPATRIATED_ON, 12, GATE, RECEIVING_UNIT));
    }

    @Test
    void repatriatesAllFortyFourRemainsRecoveredOverTheSeason() {
        fixture.given(OPENED, TWELVE_RECOVERED, THIRTY_TWO_RECOVERED)
                .when(new RecordRepatriation(CASE, REPATRIATED_ON, 44, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectEvents(new RemainsRepatriated(CASE, REPATRIATED_ON, 44, GATE, RECEIVING_UNIT));
    }

    @Test
    void rejectsRepatriatingMoreRemainsThanWereRecovered() {
        fixture.given(OPENED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(CASE, REPATRIATED_ON, 13, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectException(MoreRepatriatedThanRecovered.class)
                .expectException(namingFields("count"))
                .expectNoEvents();
    }

    @Test
    void rejectsARepatriationThatWouldTakeTheTotalAboveTheRecovered() {
        fixture.given(
                        OPENED,
                        TWELVE_RECOVERED,
                        THIRTY_TWO_RECOVERED,
                        new RemainsRepatriated(CASE, REPATRIATED_ON, 40, GATE, RECEIVING_UNIT))
                .when(new RecordRepatriation(
                        CASE, REPATRIATED_ON.plusDays(7), 5, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectException(MoreRepatriatedThanRecovered.class)
                .expectNoEvents();
    }

    @Test
    void rejectsARepatriationOfNoRemains() {
        fixture.given(OPENED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(CASE, REPATRIATED_ON, 0, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectException(CountNotPositive.class)
                .expectException(namingFields("count"))
                .expectNoEvents();
    }

    @Test
    void rejectsARepatriationWhenNothingHasBeenRecovered() {
        fixture.given(OPENED)
                .when(new RecordRepatriation(CASE, REPATRIATED_ON, 1, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectException(RepatriationBeforeRecovery.class)
                .expectException(namingFields("repatriatedOn"))
                .expectNoEvents();
    }

    @Test
    void rejectsARepatriationDatedBeforeTheFirstRecovery() {
        fixture.given(OPENED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(
                        CASE, FIRST_RECOVERY_ON.minusDays(1), 12, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectException(RepatriationBeforeRecovery.class)
                .expectException(namingFields("repatriatedOn"))
                .expectNoEvents();
    }

    @Test
    void acceptsARepatriationOnTheDayOfTheFirstRecovery() {
        fixture.given(OPENED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(CASE, FIRST_RECOVERY_ON, 12, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectEvents(new RemainsRepatriated(CASE, FIRST_RECOVERY_ON, 12, GATE, RECEIVING_UNIT));
    }

    @Test
    void datesTheFirstRecoveryByItsDateNotByTheOrderItWasRecordedIn() {
        LocalDate betweenTheRecoveries = LocalDate.of(2014, 3, 10);
        fixture.given(OPENED, THIRTY_TWO_RECOVERED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(
                        CASE, betweenTheRecoveries, 12, GATE, RECEIVING_UNIT, KIEN_GIANG_SEARCH_TEAM))
                .expectEvents(new RemainsRepatriated(CASE, betweenTheRecoveries, 12, GATE, RECEIVING_UNIT));
    }

    @Test
    void rejectsARepatriationRecordedByAUnitOfAnotherProvince() {
        fixture.given(OPENED, TWELVE_RECOVERED)
                .when(new RecordRepatriation(CASE, REPATRIATED_ON, 12, GATE, RECEIVING_UNIT, AN_GIANG_SEARCH_TEAM))
                .expectException(CaseOfAnotherProvince.class)
                .expectNoEvents();
    }
}
