package org.borderledger.command.marker;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.marker.MarkerCommands.RecordMarkerRepair;
import org.borderledger.command.marker.MarkerCommands.ReportMarkerDamage;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.command.province.ProvinceRefusals.ProvinceEnded;
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

/** A marker Kiên Giang built is looked after by the An Giang that continues it. */
class MarkerJurisdictionTest {

    private static final Submitter KIEN_GIANG = new Submitter("kg-post", "KG-BORDER-GUARD", Side.VN, "VN-47");
    private static final Submitter AN_GIANG = new Submitter("ag-post", "AG-BORDER-GUARD", Side.VN, "VN-AG2025");

    private static final EventMessage<?> PLANNED_BY_KIEN_GIANG = GenericEventMessage.asEventMessage(
                    new MarkerPlanned("314/1", MarkerType.SUB, new GeoPoint(10.42, 104.49), Side.VN))
            .andMetaData(Map.of(EventMetadata.PROVINCE, "VN-47"));
    private static final MarkerCompletionReported REPORTED =
            new MarkerCompletionReported("314/1", LocalDate.of(2014, 8, 10), new GeoPoint(10.42, 104.49), Side.VN);
    private static final EventMessage<?> CONFIRMED_BY_KAMPOT = GenericEventMessage.asEventMessage(
                    new MarkerCompleted("314/1", LocalDate.of(2014, 8, 15), Side.KH))
            .andMetaData(Map.of(EventMetadata.PROVINCE, "KH-7"));
    private static final MarkerDamaged DAMAGED =
            new MarkerDamaged("314/1", LocalDate.of(2025, 9, 1), "Base undermined by flood");

    private FixtureConfiguration<BorderMarker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BorderMarker.class).registerInjectableResource(BundledProvinces.EFFECTIVE);
    }

    @Test
    void theSuccessorReportsDamageToAMarkerKienGiangBuiltMarkedAsRecordedByTheSuccessor() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT)
                .when(new ReportMarkerDamage("314/1", DAMAGED.damagedOn(), DAMAGED.description(), AN_GIANG))
                .expectEvents(GenericEventMessage.asEventMessage(DAMAGED)
                        .andMetaData(Map.of(EventMetadata.RECORDED_BY_SUCCESSOR, "VN-AG2025")));
    }

    @Test
    void theSuccessorRepairsAMarkerKienGiangBuilt() {
        MarkerRepaired repaired = new MarkerRepaired("314/1", LocalDate.of(2025, 10, 1), "Base recast");
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT, DAMAGED)
                .when(new RecordMarkerRepair("314/1", repaired.repairedOn(), repaired.description(), AN_GIANG))
                .expectEvents(GenericEventMessage.asEventMessage(repaired)
                        .andMetaData(Map.of(EventMetadata.RECORDED_BY_SUCCESSOR, "VN-AG2025")));
    }

    @Test
    void aKienGiangUnitReportsNoDamageDatedAfterItsEnd() {
        fixture.given(PLANNED_BY_KIEN_GIANG, REPORTED, CONFIRMED_BY_KAMPOT)
                .when(new ReportMarkerDamage("314/1", DAMAGED.damagedOn(), DAMAGED.description(), KIEN_GIANG))
                .expectException(ProvinceEnded.class)
                .expectException(namingFields("damagedOn"))
                .expectNoEvents();
    }
}
