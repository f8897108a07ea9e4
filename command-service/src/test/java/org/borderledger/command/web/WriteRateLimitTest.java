package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteRateLimitTest {

    private final AtomicLong now = new AtomicLong();
    private final WriteRateLimit limit = new WriteRateLimit(2, 3, now::get);

    @Test
    void letsABurstThroughThenRefusesUntilTheBucketRefills() {
        for (int i = 0; i < 3; i++) {
            limit.charge("kg-officer", 1);
        }

        assertThatThrownBy(() -> limit.charge("kg-officer", 1))
                .isInstanceOfSatisfying(WriteRateExceeded.class, refused -> assertThat(refused.retryAfterSeconds())
                        .isEqualTo(1));
        now.addAndGet(500_000_000L);
        assertThatCode(() -> limit.charge("kg-officer", 1)).doesNotThrowAnyException();
    }

    @Test
    void keepsEachSubjectsBucketApart() {
        for (int i = 0; i < 3; i++) {
            limit.charge("kg-officer", 1);
        }

        assertThatCode(() -> limit.charge("kp-officer", 1)).doesNotThrowAnyException();
    }

    @Test
    void aBatchLargerThanTheBurstPassesOnceAndThenWaitsForItsDebt() {
        limit.charge("kg-officer", 10);

        assertThatThrownBy(() -> limit.charge("kg-officer", 1))
                .isInstanceOfSatisfying(WriteRateExceeded.class, refused -> assertThat(refused.retryAfterSeconds())
                        .isEqualTo(4));
    }

    @Test
    void limitsNothingWhenTurnedOff() {
        WriteRateLimit off = new WriteRateLimit(0, 1, now::get);

        assertThatCode(() -> {
                    for (int i = 0; i < 1000; i++) {
                        off.charge("kg-officer", 500);
                    }
                })
                .doesNotThrowAnyException();
    }
}
