package org.borderledger.query.rebuild;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What every job over the whole topic works with: the runner that holds the read model lock for it, the topic it
 * reads, the offsets the live projections have processed, the clock, and the {@code ledger.rebuild.*} settings.
 */
@Component
public record ReadModelJobContext(
        ReadModelJobs jobs,
        TopicLog topic,
        ProcessedOffsetRepository offsets,
        Clock clock,
        RebuildProperties properties) {

    public Instant now() {
        return clock.instant();
    }
}
