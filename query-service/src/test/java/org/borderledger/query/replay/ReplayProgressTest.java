package org.borderledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void measuresShareRateAndTheTimeTheRestTakesAtThatRate() {
        ReplayProgress progress = ReplayProgress.of(1_000, 250, START, START.plusSeconds(10));

        assertThat(progress.percent()).isEqualTo(25.0);
        assertThat(progress.eventsPerSecond()).isEqualTo(25.0);
        assertThat(progress.timeLeft()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void thePercentIsRoundedDownSoThatOnlyACompleteReplayShowsAHundred() {
        assertThat(ReplayProgress.of(3, 1, START, START.plusSeconds(1)).percent())
                .isEqualTo(33.3);
        assertThat(ReplayProgress.of(10_000, 9_999, START, START.plusSeconds(1)).percent())
                .isEqualTo(99.9);
        assertThat(ReplayProgress.of(10_000, 10_000, START, START.plusSeconds(1))
                        .percent())
                .isEqualTo(100.0);
    }

    @Test
    void theTimeLeftIsRoundedUpToASecond() {
        assertThat(ReplayProgress.of(10, 3, START, START.plusSeconds(1)).timeLeft())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void nothingProcessedYetHasNoEstimate() {
        ReplayProgress progress = ReplayProgress.of(500, 0, START, START.plusSeconds(3));

        assertThat(progress.percent()).isZero();
        assertThat(progress.eventsPerSecond()).isZero();
        assertThat(progress.timeLeft()).isNull();
    }

    @Test
    void anEmptyTopicIsRebuiltAtOnce() {
        ReplayProgress progress = ReplayProgress.of(0, 0, START, START);

        assertThat(progress.percent()).isEqualTo(100.0);
        assertThat(progress.timeLeft()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aDoneReplayNeedsNoMoreTime() {
        ReplayProgress progress = ReplayProgress.of(4_000, 4_000, START, START.plusSeconds(2));

        assertThat(progress.eventsPerSecond()).isEqualTo(2_000.0);
        assertThat(progress.timeLeft()).isEqualTo(Duration.ZERO);
    }
}
