package org.borderledger.command.marker;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.marker.MarkerCommands.ConfirmMarkerCompletion;
import org.borderledger.command.marker.MarkerCommands.PlanMarker;
import org.borderledger.command.marker.MarkerCommands.RecordMarkerRepair;
import org.borderledger.command.marker.MarkerCommands.ReportMarkerCompletion;
import org.borderledger.command.marker.MarkerCommands.ReportMarkerDamage;
import org.borderledger.command.marker.MarkerRefusals.CompletionAlreadyReported;
import org.borderledger.command.marker.MarkerRefusals.CompletionNotReported;
import org.borderledger.command.marker.MarkerRefusals.CompletionReportFromOtherSide;
import org.borderledger.command.marker.MarkerRefusals.ConfirmationBeforeCompletion;
import org.borderledger.command.marker.MarkerRefusals.ConfirmationFromSameSide;
import org.borderledger.command.marker.MarkerRefusals.MarkerAlreadyCompleted;
import org.borderledger.command.marker.MarkerRefusals.MarkerAlreadyDamaged;
import org.borderledger.command.marker.MarkerRefusals.MarkerNotCompleted;
import org.borderledger.command.marker.MarkerRefusals.MarkerNotDamaged;
import org.borderledger.command.marker.MarkerRefusals.MarkerOfAnotherProvince;
import org.borderledger.command.marker.MarkerRefusals.PlanFromOtherSide;
import org.borderledger.command.marker.MarkerRefusals.RepairBeforeDamage;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BorderMarkerTest {

    private static final String MARKER = "314/1";
    private static final GeoPoint PLANNED_POINT = new GeoPoint(10.42, 104.49);
    private static final GeoPoint SURVEYED_POINT = new GeoPoint(10.4201, 104.4902);
    private static final LocalDate COMPLETED_ON = LocalDate.of(2014, 8, 10);
    private static final LocalDate CONFIRMED_ON = LocalDate.of(2014, 8, 15);
    private static final LocalDate DAMAGED_ON = LocalDate.of(2014, 10, 3);
    private static final LocalDate REPAIRED_ON = LocalDate.of(2014, 11, 20);

    /** Kiên Giang builds 314/1; Kampot verifies it. */
    private static final Submitter KIEN_GIANG_POST =
            new Submitter("kg-post-ha-tien", "KG-BORDER-GUARD-HA-TIEN", Side.VN, "VN-47");

    private static final Submitter KAMPOT_POST =
            new Submitter("kp-post-prek-chak", "KP-BORDER-POLICE", Side.KH, "KH-7");

    private static final MarkerPlanned PLANNED = new MarkerPlanned(MARKER, MarkerType.SUB, PLANNED_POINT, Side.VN);
    private static final MarkerCompletionReported REPORTED =
            new MarkerCompletionReported(MARKER, COMPLETED_ON, SURVEYED_POINT, Side.VN);
    private static final MarkerCompleted COMPLETED = new MarkerCompleted(MARKER, CONFIRMED_ON, Side.KH);
    private static final MarkerDamaged DAMAGED =
            new MarkerDamaged(MARKER, DAMAGED_ON, "Concrete base cracked by flood");
    private static final MarkerRepaired REPAIRED = new MarkerRepaired(MARKER, REPAIRED_ON, "Base recast");

    private static final Submitter AN_GIANG_POST = new Submitter("ag-post", "AG-BORDER-GUARD", Side.VN, "VN-44");

    /** The events as the store holds them: with the province of the unit that submitted them. */
    private static final EventMessage<?> PLANNED_BY_KIEN_GIANG = submittedBy(PLANNED, KIEN_GIANG_POST);

    private static final EventMessage<?> CONFIRMED_BY_KAMPOT = submittedBy(COMPLETED, KAMPOT_POST);

    private FixtureConfiguration<BorderMarker> fixture;

    private static EventMessage<?> submittedBy(Object event, Submitter submitter) {
        return GenericEventMessage.asEventMessage(event)
                .andMetaData(Map.of(EventMetadata.PROVINCE, submitter.province()));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BorderMarker.class).registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    @Test
    void plansAMarkerForTheSideResponsibleForBuildingIt() {
        fixture.givenNoPriorActivity()
                .when(new PlanMarker(MARKER, MarkerType.SUB, PLANNED_POINT, Side.VN, KIEN_GIANG_POST))
                .expectEvents(PLANNED);
    }

    @Test
    void rejectsAPlanFromTheSideThatDoesNotBuildTheMarker() {
        fixture.givenNoPriorActivity()
                .when(new PlanMarker(MARKER, MarkerType.SUB, PLANNED_POINT, Side.VN, KAMPOT_POST))
                .expectException(PlanFromOtherSide.class)
                .expectException(namingFields("responsibleSide"))
                .expectNoEvents();
    }

    @Test
    void rejectsDamageReportedByAProvinceThatNeitherBuiltNorConfirmedTheMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT)
                .when(new ReportMarkerDamage(MARKER, DAMAGED_ON, "Concrete base cracked", AN_GIANG_POST))
                .expectException(MarkerOfAnotherProvince.class)
                .expectNoEvents();
    }

    @Test
    void rejectsARepairRecordedByAnotherProvinceThanTheOneThatBuiltTheMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED)
                .when(new RecordMarkerRepair(MARKER, REPAIRED_ON, "Base recast", KAMPOT_POST))
                .expectException(MarkerOfAnotherProvince.class)
                .expectNoEvents();
    }

    @Test
    void remembersWhoPlannedAndConfirmedAcrossCommandsOfOneFixture() {
        fixture.givenCommands(
                        new PlanMarker(MARKER, MarkerType.SUB, PLANNED_POINT, Side.VN, KIEN_GIANG_POST),
                        new ReportMarkerCompletion(MARKER, COMPLETED_ON, SURVEYED_POINT, KIEN_GIANG_POST),
                        new ConfirmMarkerCompletion(MARKER, CONFIRMED_ON, KAMPOT_POST))
                .when(new ReportMarkerDamage(MARKER, DAMAGED_ON, "Concrete base cracked by flood", KAMPOT_POST))
                .expectEvents(DAMAGED);
    }

    @Test
    void acceptsACompletionReportFromTheResponsibleSide() {
        fixture.given(PLANNED_BY_KIEN_GIANG)
                .when(new ReportMarkerCompletion(MARKER, COMPLETED_ON, SURVEYED_POINT, KIEN_GIANG_POST))
                .expectEvents(REPORTED);
    }

    @Test
    void rejectsACompletionReportFromTheOtherSide() {
        fixture.given(PLANNED_BY_KIEN_GIANG)
                .when(new ReportMarkerCompletion(MARKER, COMPLETED_ON, SURVEYED_POINT, KAMPOT_POST))
                .expectException(CompletionReportFromOtherSide.class)
                .expectNoEvents();
    }

    @Test
    void rejectsASecondCompletionReportWhileTheFirstAwaitsConfirmation() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED)
                .when(new ReportMarkerCompletion(MARKER, COMPLETED_ON.plusDays(1), SURVEYED_POINT, KIEN_GIANG_POST))
                .expectException(CompletionAlreadyReported.class)
                .expectNoEvents();
    }

    @Test
    void rejectsACompletionReportForACompletedMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT)
                .when(new ReportMarkerCompletion(MARKER, COMPLETED_ON, SURVEYED_POINT, KIEN_GIANG_POST))
                .expectException(MarkerAlreadyCompleted.class)
                .expectNoEvents();
    }

    @Test
    void rejectsACompletionReportForADamagedMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED)
                .when(new ReportMarkerCompletion(MARKER, REPAIRED_ON, SURVEYED_POINT, KIEN_GIANG_POST))
                .expectException(MarkerAlreadyCompleted.class)
                .expectNoEvents();
    }

    @Test
    void rejectsACompletionReportForARepairedMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED, REPAIRED)
                .when(new ReportMarkerCompletion(MARKER, REPAIRED_ON, SURVEYED_POINT, KIEN_GIANG_POST))
                .expectException(MarkerAlreadyCompleted.class)
                .expectNoEvents();
    }

    @Test
    void completesTheMarkerWhenTheOtherSideConfirms() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED)
                .when(new ConfirmMarkerCompletion(MARKER, CONFIRMED_ON, KAMPOT_POST))
                .expectEvents(COMPLETED);
    }

    @Test
    void acceptsAConfirmationOnTheDayOfTheReportedCompletion() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED)
                .when(new ConfirmMarkerCompletion(MARKER, COMPLETED_ON, KAMPOT_POST))
                .expectEvents(new MarkerCompleted(MARKER, COMPLETED_ON, Side.KH));
    }

    @Test
    void rejectsConfirmationFromTheReportingSide() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED)
                .when(new ConfirmMarkerCompletion(MARKER, CONFIRMED_ON, KIEN_GIANG_POST))
                .expectException(ConfirmationFromSameSide.class)
                .expectNoEvents();
    }

    @Test
    void rejectsConfirmationBeforeTheResponsibleSideReportsCompletion() {
        fixture.given(PLANNED_BY_KIEN_GIANG)
                .when(new ConfirmMarkerCompletion(MARKER, CONFIRMED_ON, KAMPOT_POST))
                .expectException(CompletionNotReported.class)
                .expectNoEvents();
    }

    @Test
    void rejectsASecondConfirmationBecauseAMarkerIsCompletedOnce() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT)
                .when(new ConfirmMarkerCompletion(MARKER, CONFIRMED_ON.plusDays(1), KAMPOT_POST))
                .expectException(MarkerAlreadyCompleted.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAConfirmationOfARepairedMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED, REPAIRED)
                .when(new ConfirmMarkerCompletion(MARKER, REPAIRED_ON, KAMPOT_POST))
                .expectException(MarkerAlreadyCompleted.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAConfirmationDatedBeforeTheReportedCompletion() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED)
                .when(new ConfirmMarkerCompletion(MARKER, COMPLETED_ON.minusDays(1), KAMPOT_POST))
                .expectException(ConfirmationBeforeCompletion.class)
                .expectException(namingFields("confirmedOn"))
                .expectNoEvents();
    }

    @Test
    void recordsDamageToACompletedMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT)
                .when(new ReportMarkerDamage(MARKER, DAMAGED_ON, "Concrete base cracked by flood", KAMPOT_POST))
                .expectEvents(DAMAGED);
    }

    @Test
    void recordsNewDamageToARepairedMarker() {
        LocalDate damagedAgainOn = LocalDate.of(2015, 9, 1);
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED, REPAIRED)
                .when(new ReportMarkerDamage(MARKER, damagedAgainOn, "Plate stolen", KIEN_GIANG_POST))
                .expectEvents(new MarkerDamaged(MARKER, damagedAgainOn, "Plate stolen"));
    }

    @Test
    void rejectsDamageToAMarkerThatIsOnlyPlanned() {
        fixture.given(PLANNED_BY_KIEN_GIANG)
                .when(new ReportMarkerDamage(MARKER, DAMAGED_ON, "Stakes removed", KIEN_GIANG_POST))
                .expectException(MarkerNotCompleted.class)
                .expectNoEvents();
    }

    @Test
    void rejectsDamageToAMarkerWhoseCompletionIsNotConfirmed() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED)
                .when(new ReportMarkerDamage(MARKER, DAMAGED_ON, "Concrete base cracked", KIEN_GIANG_POST))
                .expectException(MarkerNotCompleted.class)
                .expectNoEvents();
    }

    @Test
    void rejectsDamageToAMarkerThatIsAlreadyDamaged() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED)
                .when(new ReportMarkerDamage(MARKER, DAMAGED_ON.plusDays(2), "Plate stolen", KAMPOT_POST))
                .expectException(MarkerAlreadyDamaged.class)
                .expectNoEvents();
    }

    @Test
    void recordsTheRepairOfADamagedMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED)
                .when(new RecordMarkerRepair(MARKER, REPAIRED_ON, "Base recast", KIEN_GIANG_POST))
                .expectEvents(REPAIRED);
    }

    @Test
    void acceptsARepairOnTheDayOfTheDamage() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED)
                .when(new RecordMarkerRepair(MARKER, DAMAGED_ON, "Plate refixed", KIEN_GIANG_POST))
                .expectEvents(new MarkerRepaired(MARKER, DAMAGED_ON, "Plate refixed"));
    }

    @Test
    void rejectsTheRepairOfAnUndamagedMarker() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT)
                .when(new RecordMarkerRepair(MARKER, REPAIRED_ON, "Base recast", KIEN_GIANG_POST))
                .expectException(MarkerNotDamaged.class)
                .expectNoEvents();
    }

    @Test
    void rejectsASecondRepairOfTheSameDamage() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED, REPAIRED)
                .when(new RecordMarkerRepair(MARKER, REPAIRED_ON.plusDays(1), "Base recast again", KIEN_GIANG_POST))
                .expectException(MarkerNotDamaged.class)
                .expectNoEvents();
    }

    @Test
    void rejectsARepairDatedBeforeTheDamage() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED)
                .when(new RecordMarkerRepair(MARKER, DAMAGED_ON.minusDays(1), "Base recast", KIEN_GIANG_POST))
                .expectException(RepairBeforeDamage.class)
                .expectException(namingFields("repairedOn"))
                .expectNoEvents();
    }
}
