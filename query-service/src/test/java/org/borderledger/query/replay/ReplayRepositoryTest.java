package org.borderledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.borderledger.query.ReadModelDatabase;
import org.borderledger.query.rebuild.TopicSpan;
import org.junit.jupiter.api.Test;

class ReplayRepositoryTest {

    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    static final TopicSpan SPAN = TopicSpan.of(Map.of(0, 0L, 1, 2L), Map.of(0, 40L, 1, 12L));

    final ReplayRepository replays =
            new ReplayRepository(ReadModelDatabase.migrated().jdbc());

    @Test
    void keepsAReplayWithItsSpanAndProgress() {
        replays.insert(running("r-1", START));
        replays.markReset("r-1", START.plusSeconds(1));
        replays.progress("r-1", 30, START.plusSeconds(5));

        ReplayRecord replay = replays.find("r-1").orElseThrow();

        assertThat(replay.status()).isEqualTo(ReplayStatus.RUNNING);
        assertThat(replay.span()).isEqualTo(SPAN);
        assertThat(replay.eventsTotal()).isEqualTo(50);
        assertThat(replay.eventsProcessed()).isEqualTo(30);
        assertThat(replay.resetAt()).isEqualTo(START.plusSeconds(1));
        assertThat(replay.updatedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(replay.requestedBy()).isEqualTo("admin-1");
    }

    @Test
    void endsOnlyARunningReplay() {
        replays.insert(running("r-1", START));

        assertThat(replays.finish("r-1", ReplayStatus.COMPLETED, 50, null, START.plusSeconds(9)))
                .isTrue();
        assertThat(replays.interrupt("r-1", "stopped", START.plusSeconds(99))).isFalse();
        replays.progress("r-1", 7, START.plusSeconds(100));

        ReplayRecord replay = replays.find("r-1").orElseThrow();
        assertThat(replay.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(replay.eventsProcessed()).isEqualTo(50);
        assertThat(replay.finishedAt()).isEqualTo(START.plusSeconds(9));
    }

    @Test
    void listsTheLatestFirst() {
        replays.insert(running("r-1", START));
        replays.insert(running("r-2", START.plusSeconds(60)));

        assertThat(replays.latest(1)).extracting(ReplayRecord::id).containsExactly("r-2");
    }

    private static ReplayRecord running(String id, Instant at) {
        return new ReplayRecord(id, ReplayStatus.RUNNING, "admin-1", SPAN.total(), 0, SPAN, at, null, at, null, null);
    }
}
