package org.borderledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class CheckRepositoryTest {

    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    final CheckRepository checks =
            new CheckRepository(ReadModelDatabase.migrated().jdbc());

    @Test
    void keepsTheResultAndTheDifferencesInTheOrderFound() {
        checks.insert("c-1", "auditor-1", 40, START);
        checks.progress("c-1", 25, START.plusSeconds(1));
        Difference first = new Difference(
                "marker_view", Map.of("marker_id", "314/1"), "status", Difference.Kind.VALUE, "DAMAGED", "COMPLETED");
        Difference second = new Difference(
                "processed_position", Map.of("position", "9"), null, Difference.Kind.MISSING_IN_LIVE, null, "{…}");
        checks.addDifference("c-1", 0, first);
        checks.addDifference("c-1", 1, second);

        boolean completed = checks.complete(
                "c-1",
                40,
                Map.of(0, 29L, 1, 10L),
                Map.of(1, new CheckRecord.Gap(8, 10)),
                new TableComparison.Result(List.of("marker_view", "processed_position"), 51, 2),
                START.plusSeconds(3));

        assertThat(completed).isTrue();
        CheckRecord check = checks.find("c-1").orElseThrow();
        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(check.eventsTotal()).isEqualTo(40);
        assertThat(check.eventsApplied()).isEqualTo(40);
        assertThat(check.comparedAt()).isEqualTo(Map.of(0, 29L, 1, 10L));
        assertThat(check.positionGaps()).isEqualTo(Map.of(1, new CheckRecord.Gap(8, 10)));
        assertThat(check.tablesCompared()).containsExactly("marker_view", "processed_position");
        assertThat(check.rowsCompared()).isEqualTo(51);
        assertThat(check.differencesTotal()).isEqualTo(2);
        assertThat(check.consistent()).isFalse();
        assertThat(check.finishedAt()).isEqualTo(START.plusSeconds(3));
        assertThat(checks.differences("c-1")).containsExactly(first, second);
    }

    @Test
    void aCheckWithoutDifferencesAtTheSamePositionIsConsistent() {
        checks.insert("c-1", "auditor-1", 0, START);

        checks.complete("c-1", 0, Map.of(), Map.of(), new TableComparison.Result(List.of("marker_view"), 0, 0), START);

        assertThat(checks.find("c-1").orElseThrow().consistent()).isTrue();
        assertThat(checks.find("c-1").orElseThrow().positionGaps()).isNull();
    }

    @Test
    void onlyARunningCheckEnds() {
        checks.insert("c-1", "auditor-1", 3, START);

        assertThat(checks.fail("c-1", CheckStatus.FAILED, 1, "broker gone", START.plusSeconds(1)))
                .isTrue();
        assertThat(checks.fail("c-1", CheckStatus.INTERRUPTED, 1, "stopped", START.plusSeconds(2)))
                .isFalse();
        assertThat(checks.latest(5)).extracting(CheckRecord::failure).containsExactly("broker gone");
    }
}
