package org.borderledger.command.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.command.AuditedState;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerRepaired;
import org.junit.jupiter.api.Test;

class IndicatorStateTest {

    private static final String INDICATOR = "IND-2014-TRADE";
    private static final IndicatorReported REPORTED = new IndicatorReported(
            INDICATOR,
            IndicatorKind.TRADE_TURNOVER_USD,
            LocalDate.of(2014, 1, 1),
            LocalDate.of(2014, 12, 31),
            101_000_000,
            "HA_TIEN-PREK_CHAK",
            "Provincial statistics office",
            "VN-47");

    @Test
    void aReportedIndicatorHasItsValueAndNothingSuperseded() {
        IndicatorState state = fold(REPORTED);

        assertThat(state.kind()).isEqualTo(IndicatorKind.TRADE_TURNOVER_USD);
        assertThat(state.periodFrom()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(state.periodTo()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(state.value()).isEqualTo(101_000_000);
        assertThat(state.supersededValues()).isEmpty();
    }

    @Test
    void aCorrectionSupersedesTheCurrentValueAndKeepsTheOldOnes() {
        IndicatorState state = fold(
                REPORTED,
                new IndicatorCorrected(INDICATOR, 101_000_000, 102_500_000, "customs figures"),
                new IndicatorCorrected(INDICATOR, 102_500_000, 101_900_000, "recount"));

        assertThat(state.value()).isEqualTo(101_900_000);
        assertThat(state.supersededValues()).containsExactly(101_000_000L, 102_500_000L);
    }

    @Test
    void aHistoryThatDoesNotStartWithItsCreationIsRefused() {
        assertThatThrownBy(() -> fold(new IndicatorCorrected(INDICATOR, 1, 2, "r")))
                .isInstanceOf(AuditedState.UnexpectedEvent.class);
        assertThatThrownBy(() -> fold(REPORTED, new MarkerRepaired("314", LocalDate.of(2014, 1, 1), "r")))
                .isInstanceOf(AuditedState.UnexpectedEvent.class);
    }

    private static IndicatorState fold(Object... events) {
        return (IndicatorState)
                AuditedState.fold(IndicatorState::begin, List.of(events)).orElseThrow();
    }
}
