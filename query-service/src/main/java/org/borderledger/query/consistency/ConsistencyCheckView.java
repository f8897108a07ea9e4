package org.borderledger.query.consistency;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A consistency check as the admin API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConsistencyCheckView(
        String id,
        CheckStatus status,
        String requestedBy,
        @Schema(description = "records on the event topic when the check started") long eventsTotal,
        @Schema(description = "events applied to the shadow read models so far") long eventsApplied,
        @Schema(description = "the read model tables compared") List<String> tablesCompared,
        @Schema(description = "distinct primary keys over both sides of every table") Long rowsCompared,
        @Schema(description = "true when no row differs and both sides were compared at the same position")
                Boolean consistent,
        @Schema(description = "every difference found") Long differencesTotal,
        @Schema(description = "the differences, the first ledger.rebuild.max-differences of them")
                List<Difference> differences,
        @Schema(description = "the position both sides were compared at: partition to the offset of its last record")
                Map<Integer, Long> comparedAt,
        @Schema(
                        description = "partitions where the live side was not at that position (it had not caught up"
                                + " within ledger.rebuild.live-wait), with both offsets; absent when there are none")
                Map<Integer, CheckRecord.Gap> positionGaps,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    static ConsistencyCheckView of(CheckRecord check, List<Difference> differences) {
        return new ConsistencyCheckView(
                check.id(),
                check.status(),
                check.requestedBy(),
                check.eventsTotal(),
                check.eventsApplied(),
                check.tablesCompared(),
                check.rowsCompared(),
                check.consistent(),
                check.differencesTotal(),
                differences,
                check.comparedAt(),
                check.positionGaps(),
                check.startedAt(),
                check.finishedAt(),
                check.failure());
    }
}
