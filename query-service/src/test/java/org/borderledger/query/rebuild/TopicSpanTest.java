package org.borderledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpanTest {

    /** Partition 0 holds offsets 0..9, partition 1 offsets 5..7 (older ones expired), partition 2 nothing. */
    final TopicSpan span = TopicSpan.of(Map.of(0, 0L, 1, 5L, 2, 0L), Map.of(0, 10L, 1, 8L, 2, 0L));

    @Test
    void theTotalIsEveryRecordBetweenTheFirstAndTheEndOffsets() {
        assertThat(span.total()).isEqualTo(13);
    }

    @Test
    void countsTheRecordsAtOrBeforeTheLastProcessedOffsetOfEachPartition() {
        assertThat(span.processed(Map.of())).isZero();
        assertThat(span.processed(Map.of(0, 4L))).isEqualTo(5);
        assertThat(span.processed(Map.of(0, 4L, 1, 5L))).isEqualTo(6);
        assertThat(span.processed(Map.of(0, 42L, 1, 99L, 7, 3L)))
                .as("records after the span and partitions outside it do not count")
                .isEqualTo(13);
    }

    @Test
    void isCoveredOnlyOnceEveryPartitionReachedItsLastRecord() {
        assertThat(span.coveredBy(Map.of(0, 9L))).isFalse();
        assertThat(span.coveredBy(Map.of(0, 9L, 1, 6L))).isFalse();
        assertThat(span.coveredBy(Map.of(0, 9L, 1, 7L))).isTrue();
        assertThat(TopicSpan.of(Map.of(), Map.of(0, 0L)).coveredBy(Map.of())).isTrue();
    }
}
