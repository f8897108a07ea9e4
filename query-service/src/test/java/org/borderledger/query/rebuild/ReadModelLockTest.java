package org.borderledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class ReadModelLockTest {

    static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    final ReadModelLock lock = new ReadModelLock(ReadModelDatabase.migrated().jdbc());

    @Test
    void oneJobAtATime() {
        assertThat(lock.acquire(ReadModelLock.Kind.REPLAY, "r-1", NOW, STALE_AFTER))
                .isEmpty();

        var holder = lock.acquire(ReadModelLock.Kind.CONSISTENCY_CHECK, "c-1", NOW.plusSeconds(1), STALE_AFTER);

        assertThat(holder).contains(new ReadModelLock.Holder(ReadModelLock.Kind.REPLAY, "r-1", NOW));
    }

    @Test
    void aReleasedLockIsFree() {
        lock.acquire(ReadModelLock.Kind.REPLAY, "r-1", NOW, STALE_AFTER);

        lock.release("r-1", NOW.plusSeconds(60));

        assertThat(lock.holder()).isEmpty();
        assertThat(lock.acquire(ReadModelLock.Kind.CONSISTENCY_CHECK, "c-1", NOW, STALE_AFTER))
                .isEmpty();
    }

    @Test
    void aHolderWhoseHeartbeatStoppedIsReplacedAndLearnsItWhenItBeatsAgain() {
        lock.acquire(ReadModelLock.Kind.REPLAY, "r-1", NOW, STALE_AFTER);
        assertThat(lock.heartbeat("r-1", NOW.plusSeconds(20))).isTrue();

        assertThat(lock.acquire(ReadModelLock.Kind.REPLAY, "r-2", NOW.plusSeconds(45), STALE_AFTER))
                .as("20 s + 30 s not yet passed")
                .isPresent();
        assertThat(lock.acquire(ReadModelLock.Kind.REPLAY, "r-2", NOW.plusSeconds(51), STALE_AFTER))
                .isEmpty();

        assertThat(lock.heartbeat("r-1", NOW.plusSeconds(52))).isFalse();
        assertThat(lock.holder().orElseThrow().jobId()).isEqualTo("r-2");
        lock.release("r-1", NOW.plusSeconds(60));
        assertThat(lock.holder().orElseThrow().jobId())
                .as("a replaced holder releases nothing")
                .isEqualTo("r-2");
    }

    @Test
    void theSlotRefusesAJobWhileAnotherRunsAndWithinTheCooldownAfterIt() {
        RebuildProperties properties = new RebuildProperties(
                Duration.ofSeconds(1),
                STALE_AFTER,
                Duration.ofMinutes(10),
                Duration.ofMinutes(2),
                1000,
                Duration.ofMinutes(5));
        var replays = lock.slot(ReadModelLock.Kind.REPLAY, properties);
        var checks = lock.slot(ReadModelLock.Kind.CONSISTENCY_CHECK, properties);
        replays.take("r-1", NOW);

        assertThatThrownBy(() -> checks.take("c-1", NOW.plusSeconds(1))).isInstanceOf(ReadModelsBusy.class);

        replays.release("r-1", NOW.plusSeconds(10));
        assertThat(lock.holder()).isEmpty();
        assertThatThrownBy(() -> checks.take("c-1", NOW.plusSeconds(70)))
                .isInstanceOfSatisfying(ReadModelsCoolingDown.class, refusal -> {
                    assertThat(refusal.status().value()).isEqualTo(429);
                    assertThat(refusal.headers().getFirst("Retry-After")).isEqualTo("240");
                });
        assertThat(lock.holder()).as("a refused start holds nothing").isEmpty();

        checks.take("c-1", NOW.plusSeconds(311));
        assertThat(lock.holder().orElseThrow().jobId()).isEqualTo("c-1");
    }

    @Test
    void aJobThatNeverStartedStartsNoCooldown() {
        RebuildProperties properties = new RebuildProperties(
                Duration.ofSeconds(1),
                STALE_AFTER,
                Duration.ofMinutes(10),
                Duration.ofMinutes(2),
                1000,
                Duration.ofMinutes(5));
        var replays = lock.slot(ReadModelLock.Kind.REPLAY, properties);
        replays.take("r-1", NOW);

        replays.releaseUnstarted("r-1", NOW.plusSeconds(1));

        assertThat(lock.lastEnded()).isEmpty();
        replays.take("r-2", NOW.plusSeconds(2));
        assertThat(lock.holder().orElseThrow().jobId()).isEqualTo("r-2");
    }
}
