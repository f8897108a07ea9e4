package org.borderledger.command.marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.command.AuditedState;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;
import org.junit.jupiter.api.Test;

class MarkerStateTest {

    private static final String MARKER = "314/1";
    private static final MarkerPlanned PLANNED =
            new MarkerPlanned(MARKER, MarkerType.SUB, new GeoPoint(10.42, 104.49), Side.VN);
    private static final MarkerCompletionReported REPORTED =
            new MarkerCompletionReported(MARKER, LocalDate.of(2014, 8, 10), new GeoPoint(10.4201, 104.4902), Side.VN);
    private static final MarkerCompleted COMPLETED = new MarkerCompleted(MARKER, LocalDate.of(2014, 8, 15), Side.KH);
    private static final MarkerDamaged DAMAGED = new MarkerDamaged(MARKER, LocalDate.of(2015, 10, 3), "flood");
    private static final MarkerRepaired REPAIRED = new MarkerRepaired(MARKER, LocalDate.of(2015, 11, 20), "recast");

    @Test
    void aPlannedMarkerHasNoDatesYet() {
        assertThat(fold(PLANNED))
                .isEqualTo(new MarkerState(
                        MARKER, MarkerType.SUB, Side.VN, MarkerState.Status.PLANNED, null, null, null, null));
    }

    @Test
    void isOnlyCompletedOnceTheOtherSideConfirmed() {
        assertThat(fold(PLANNED, REPORTED).status()).isEqualTo(MarkerState.Status.REPORTED);
        MarkerState completed = fold(PLANNED, REPORTED, COMPLETED);

        assertThat(completed.status()).isEqualTo(MarkerState.Status.COMPLETED);
        assertThat(completed.completionReportedOn()).isEqualTo(LocalDate.of(2014, 8, 10));
        assertThat(completed.completedOn()).isEqualTo(LocalDate.of(2014, 8, 15));
    }

    @Test
    void keepsEveryDateThroughDamageAndRepair() {
        MarkerState damaged = fold(PLANNED, REPORTED, COMPLETED, DAMAGED);
        MarkerState repaired = fold(PLANNED, REPORTED, COMPLETED, DAMAGED, REPAIRED);

        assertThat(damaged.status()).isEqualTo(MarkerState.Status.DAMAGED);
        assertThat(damaged.damagedOn()).isEqualTo(LocalDate.of(2015, 10, 3));
        assertThat(damaged.repairedOn()).isNull();
        assertThat(repaired)
                .isEqualTo(new MarkerState(
                        MARKER,
                        MarkerType.SUB,
                        Side.VN,
                        MarkerState.Status.REPAIRED,
                        LocalDate.of(2014, 8, 10),
                        LocalDate.of(2014, 8, 15),
                        LocalDate.of(2015, 10, 3),
                        LocalDate.of(2015, 11, 20)));
    }

    @Test
    void refusesAnEventOfAnotherAggregateType() {
        assertThatThrownBy(() -> fold(PLANNED, new IndicatorCorrected("I", 1, 2, "r")))
                .isInstanceOf(AuditedState.UnexpectedEvent.class)
                .hasMessageContaining("IndicatorCorrected");
    }

    private static MarkerState fold(Object... events) {
        return (MarkerState)
                AuditedState.fold(MarkerState::begin, List.of(events)).orElseThrow();
    }
}
