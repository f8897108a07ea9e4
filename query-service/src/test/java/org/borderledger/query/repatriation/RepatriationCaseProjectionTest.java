package org.borderledger.query.repatriation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.query.EventFeed;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class RepatriationCaseProjectionTest {

    static final String CASE = "REP-2014-KP-01";
    static final RecoverySite KAMPONG_TRACH =
            new RecoverySite("KH-7", "Kampong Trach", "Kampong Trach Khang Kaeut", new GeoPoint(10.56, 104.47));

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final RepatriationCaseViewRepository views = new RepatriationCaseViewRepository(database.jdbc());
    final EventFeed feed = new EventFeed(new RepatriationCaseProjection(database.writes()));

    @Test
    void anOpenedCaseHasNothingRecoveredYet() {
        feed.publish(CASE, opened(CASE));

        RepatriationCaseView view = views.find(CASE).orElseThrow();

        assertThat(view.season()).isEqualTo("2013-2014");
        assertThat(view.searchProvince()).isEqualTo("KH-7");
        assertThat(view.searchingUnit()).isEqualTo("K90");
        assertThat(view.openedByProvince()).isEqualTo("VN-47");
        assertThat(view.recoveredTotal()).isZero();
        assertThat(view.firstRecoveredOn()).isNull();
        assertThat(view.lines()).isEmpty();
    }

    @Test
    void recoveriesAndRepatriationsAddUpAndWhatRemainsIsTheirDifference() {
        feed.publish(CASE, opened(CASE));
        feed.publish(CASE, new RemainsRecovered(CASE, LocalDate.of(2014, 3, 2), 12, KAMPONG_TRACH));
        feed.publish(
                CASE,
                new RemainsRecovered(
                        CASE, LocalDate.of(2014, 2, 20), 32, new RecoverySite("KH-7", "Kampot", null, null)));
        feed.publish(
                CASE,
                new RemainsRepatriated(
                        CASE, LocalDate.of(2014, 4, 20), 30, "HA_TIEN-PREK_CHAK", "Kiên Giang military command"));

        RepatriationCaseView view = views.find(CASE).orElseThrow();

        assertThat(view.recoveredTotal()).isEqualTo(44);
        assertThat(view.repatriatedTotal()).isEqualTo(30);
        assertThat(view.remaining()).isEqualTo(14);
        assertThat(view.firstRecoveredOn()).isEqualTo(LocalDate.of(2014, 2, 20));
        assertThat(view.lines())
                .extracting(
                        RepatriationCaseView.Line::kind,
                        RepatriationCaseView.Line::date,
                        RepatriationCaseView.Line::count)
                .containsExactly(
                        tuple(RepatriationCaseView.Kind.RECOVERY, LocalDate.of(2014, 3, 2), 12),
                        tuple(RepatriationCaseView.Kind.RECOVERY, LocalDate.of(2014, 2, 20), 32),
                        tuple(RepatriationCaseView.Kind.REPATRIATION, LocalDate.of(2014, 4, 20), 30));
        assertThat(view.lines().get(0).site())
                .isEqualTo(new RepatriationCaseView.Site(
                        "KH-7", "Kampong Trach", "Kampong Trach Khang Kaeut", 10.56, 104.47));
        assertThat(view.lines().get(1).site().lat()).isNull();
        assertThat(view.lines().get(2).borderGate()).isEqualTo("HA_TIEN-PREK_CHAK");
        assertThat(view.lines().get(2).receivingUnit()).isEqualTo("Kiên Giang military command");
    }

    @Test
    void aRedeliveredRecoveryIsNeitherCountedNorListedTwice() {
        feed.publish(CASE, opened(CASE));
        var recovery = feed.publish(CASE, new RemainsRecovered(CASE, LocalDate.of(2014, 3, 2), 12, KAMPONG_TRACH));
        var repatriation = feed.publish(
                CASE, new RemainsRepatriated(CASE, LocalDate.of(2014, 4, 20), 12, "HA_TIEN-PREK_CHAK", "K90"));

        feed.deliver(recovery);
        feed.deliver(repatriation);
        feed.deliver(recovery);

        RepatriationCaseView view = views.find(CASE).orElseThrow();
        assertThat(view.recoveredTotal()).isEqualTo(12);
        assertThat(view.repatriatedTotal()).isEqualTo(12);
        assertThat(view.lines()).hasSize(2);
    }

    @Test
    void aResetEmptiesTheCasesAndTheirLinesSoThatAReplayRebuildsTheSameCase() {
        feed.publish(CASE, opened(CASE));
        feed.publish(CASE, new RemainsRecovered(CASE, LocalDate.of(2014, 3, 2), 12, KAMPONG_TRACH));
        feed.publish(CASE, new RemainsRepatriated(CASE, LocalDate.of(2014, 4, 20), 10, "HA_TIEN-PREK_CHAK", "K90"));
        RepatriationCaseView built = views.find(CASE).orElseThrow();

        feed.reset();

        assertThat(views.count(null)).isZero();
        assertThat(rows("repatriation_case_line")).isZero();

        feed.redeliverAll();

        assertThat(views.find(CASE)).contains(built);
    }

    @Test
    void listsFilterBySeason() {
        feed.publish("REP-2014-KP-01", opened("REP-2014-KP-01"));
        feed.publish(
                "REP-2015-KP-01", new RepatriationCaseOpened("REP-2015-KP-01", "2014-2015", "KH-7", "K90", "VN-47"));

        assertThat(views.list("2014-2015", 50, 0))
                .extracting(RepatriationCaseView::id)
                .containsExactly("REP-2015-KP-01");
        assertThat(views.count(null)).isEqualTo(2);
    }

    private long rows(String table) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class)
                .single();
    }

    static RepatriationCaseOpened opened(String id) {
        return new RepatriationCaseOpened(id, "2013-2014", "KH-7", "K90", "VN-47");
    }
}
