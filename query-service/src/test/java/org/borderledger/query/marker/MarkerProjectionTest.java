package org.borderledger.query.marker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.query.EventFeed;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class MarkerProjectionTest {

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final MarkerViewRepository views = new MarkerViewRepository(database.jdbc());
    final EventFeed feed = new EventFeed(new MarkerProjection(database.writes()));
    final MarkerViewRepository.Filter all = new MarkerViewRepository.Filter(null, null, null);

    @Test
    void aPlannedMarkerIsAtItsPlannedPoint() {
        feed.publish("314/1", planned("314/1"));

        MarkerView view = views.find("314/1").orElseThrow();

        assertThat(view.status()).isEqualTo(MarkerStatus.PLANNED);
        assertThat(view.type()).isEqualTo(MarkerType.SUB);
        assertThat(view.responsibleSide()).isEqualTo(Side.VN);
        assertThat(view.plannedLat()).isEqualTo(10.42);
        assertThat(view.plannedLon()).isEqualTo(104.49);
        assertThat(view.surveyedLat()).isNull();
    }

    @Test
    void followsAMarkerFromReportToConfirmationDamageAndRepair() {
        feed.publish("314/1", planned("314/1"));
        feed.publish("314/1", reported("314/1"));

        MarkerView reported = views.find("314/1").orElseThrow();
        assertThat(reported.status()).isEqualTo(MarkerStatus.REPORTED);
        assertThat(reported.completedOn()).isEqualTo(LocalDate.of(2014, 8, 10));
        assertThat(reported.reportingSide()).isEqualTo(Side.VN);
        assertThat(reported.surveyedLat()).isEqualTo(10.4201);
        assertThat(reported.confirmedOn()).isNull();

        feed.publish("314/1", new MarkerCompleted("314/1", LocalDate.of(2014, 8, 15), Side.KH));
        MarkerView completed = views.find("314/1").orElseThrow();
        assertThat(completed.status()).isEqualTo(MarkerStatus.COMPLETED);
        assertThat(completed.confirmedOn()).isEqualTo(LocalDate.of(2014, 8, 15));
        assertThat(completed.confirmingSide()).isEqualTo(Side.KH);

        feed.publish("314/1", new MarkerDamaged("314/1", LocalDate.of(2020, 10, 1), "flood"));
        MarkerView damaged = views.find("314/1").orElseThrow();
        assertThat(damaged.status()).isEqualTo(MarkerStatus.DAMAGED);
        assertThat(damaged.damagedOn()).isEqualTo(LocalDate.of(2020, 10, 1));
        assertThat(damaged.damageDescription()).isEqualTo("flood");
        assertThat(damaged.confirmedOn()).as("a damaged marker was still built").isEqualTo(LocalDate.of(2014, 8, 15));

        feed.publish("314/1", new MarkerRepaired("314/1", LocalDate.of(2021, 2, 1), "recast"));
        MarkerView repaired = views.find("314/1").orElseThrow();
        assertThat(repaired.status()).isEqualTo(MarkerStatus.REPAIRED);
        assertThat(repaired.repairedOn()).isEqualTo(LocalDate.of(2021, 2, 1));
        assertThat(repaired.repairDescription()).isEqualTo("recast");
    }

    @Test
    void aRedeliveredEarlierEventDoesNotTurnTheMarkerBack() {
        var plannedEvent = feed.publish("314/1", planned("314/1"));
        var reportedEvent = feed.publish("314/1", reported("314/1"));
        feed.publish("314/1", new MarkerCompleted("314/1", LocalDate.of(2014, 8, 15), Side.KH));
        MarkerView before = views.find("314/1").orElseThrow();

        feed.deliver(reportedEvent);
        feed.deliver(plannedEvent);

        assertThat(views.find("314/1").orElseThrow()).isEqualTo(before);
        assertThat(before.status()).isEqualTo(MarkerStatus.COMPLETED);
    }

    @Test
    void filtersByStatusTypeAndResponsibleSide() {
        feed.publish("314", new MarkerPlanned("314", MarkerType.MAIN, new GeoPoint(10.4, 104.5), Side.KH));
        feed.publish("314/1", planned("314/1"));
        feed.publish("314/1", reported("314/1"));
        feed.publish("315", new MarkerPlanned("315", MarkerType.MAIN, new GeoPoint(10.5, 104.6), Side.VN));

        assertThat(views.list(new MarkerViewRepository.Filter(null, MarkerType.MAIN, null), 50, 0))
                .extracting(MarkerView::id)
                .containsExactly("314", "315");
        assertThat(views.list(new MarkerViewRepository.Filter(null, null, Side.VN), 50, 0))
                .extracting(MarkerView::id)
                .containsExactly("314/1", "315");
        assertThat(views.list(new MarkerViewRepository.Filter(MarkerStatus.REPORTED, null, Side.VN), 50, 0))
                .extracting(MarkerView::id)
                .containsExactly("314/1");
        assertThat(views.count(all)).isEqualTo(3);
        assertThat(views.list(all, 1, 1)).extracting(MarkerView::id).containsExactly("314/1");
    }

    @Test
    void aResetEmptiesTheMarkersSoThatAReplayRebuildsTheSameMarker() {
        feed.publish("314/1", planned("314/1"));
        feed.publish("314/1", reported("314/1"));
        feed.publish("314/1", new MarkerCompleted("314/1", LocalDate.of(2014, 8, 15), Side.KH));
        MarkerView built = views.find("314/1").orElseThrow();

        feed.reset();

        assertThat(views.count(all)).isZero();

        feed.redeliverAll();

        assertThat(views.find("314/1")).contains(built);
    }

    static MarkerPlanned planned(String id) {
        return new MarkerPlanned(id, MarkerType.SUB, new GeoPoint(10.42, 104.49), Side.VN);
    }

    static MarkerCompletionReported reported(String id) {
        return new MarkerCompletionReported(id, LocalDate.of(2014, 8, 10), new GeoPoint(10.4201, 104.4902), Side.VN);
    }
}
