package org.borderledger.query.consistency;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A row of {@code consistency_check}; the fields of the comparison are null until it completed. */
record CheckRecord(
        String id,
        CheckStatus status,
        String requestedBy,
        long eventsTotal,
        long eventsApplied,
        Map<Integer, Long> comparedAt,
        Map<Integer, Gap> positionGaps,
        List<String> tablesCompared,
        Long rowsCompared,
        Long differencesTotal,
        Boolean consistent,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        String failure) {

    /** The offsets of the last record each side had processed on a partition where they were not at the same one. */
    record Gap(long live, long rebuilt) {}
}
