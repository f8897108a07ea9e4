package org.borderledger.command.repatriation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.command.AuditedState;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.junit.jupiter.api.Test;

class CaseStateTest {

    private static final String CASE = "REP-2014-KP-01";
    private static final RepatriationCaseOpened OPENED =
            new RepatriationCaseOpened(CASE, "2013-2014", "KH-7", "KG-REMAINS-TEAM", "VN-47");

    @Test
    void anOpenedCaseBelongsToTheProvinceThatOpenedItAndTheOneSearched() {
        CaseState opened = fold(OPENED);

        assertThat(opened.season()).isEqualTo("2013-2014");
        assertThat(opened.provinces()).containsExactly("KH-7", "VN-47");
        assertThat(opened.recovered()).isZero();
        assertThat(opened.repatriated()).isZero();
        assertThat(opened.remaining()).isZero();
    }

    @Test
    void countsRecoveredRepatriatedAndRemainingRemains() {
        CaseState state = fold(
                OPENED,
                recovered(LocalDate.of(2014, 3, 2), 12, "KH-7"),
                recovered(LocalDate.of(2014, 1, 20), 32, "KH-3"),
                new RemainsRepatriated(CASE, LocalDate.of(2014, 4, 20), 30, "HA_TIEN-PREK_CHAK", "KG-MILITARY"));

        assertThat(state.recovered()).isEqualTo(44);
        assertThat(state.repatriated()).isEqualTo(30);
        assertThat(state.remaining()).isEqualTo(14);
        assertThat(state.provinces()).containsExactly("KH-3", "KH-7", "VN-47");
        assertThat(state.firstRecoveredOn()).isEqualTo(LocalDate.of(2014, 1, 20));
        assertThat(state.lastRecoveredOn()).isEqualTo(LocalDate.of(2014, 3, 2));
        assertThat(state.lastRepatriatedOn()).isEqualTo(LocalDate.of(2014, 4, 20));
    }

    private static RemainsRecovered recovered(LocalDate on, int count, String province) {
        return new RemainsRecovered(
                CASE, on, count, new RecoverySite(province, "Kampong Trach", null, new GeoPoint(10.56, 104.47)));
    }

    private static CaseState fold(Object... events) {
        return (CaseState) AuditedState.fold(CaseState::begin, List.of(events)).orElseThrow();
    }
}
