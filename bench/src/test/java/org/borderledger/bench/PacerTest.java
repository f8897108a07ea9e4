package org.borderledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void spacesRequestsEvenlyFromTheStartWhateverHappensToThem() {
        Pacer pacer = new Pacer(1_000, 1000);

        assertThat(pacer.nextDue()).isEqualTo(1_000);
        assertThat(pacer.nextDue()).isEqualTo(1_001_000);
        for (int i = 2; i < 1000; i++) {
            pacer.nextDue();
        }
        assertThat(pacer.nextDue()).as("no drift after a second's worth").isEqualTo(1_000_001_000L);
        assertThat(pacer.issued()).isEqualTo(1001);
    }

    @Test
    void keepsFractionalPeriodsWithoutAccumulatingRoundingErrors() {
        Pacer pacer = new Pacer(0, 3);
        long last = 0;
        for (int i = 0; i <= 3000; i++) {
            last = pacer.nextDue();
        }
        assertThat(last).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void refusesARateOfZero() {
        assertThatThrownBy(() -> new Pacer(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
