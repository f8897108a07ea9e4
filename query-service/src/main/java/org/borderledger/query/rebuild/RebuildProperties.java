package org.borderledger.query.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of replays and consistency checks ({@code ledger.rebuild.*}).
 *
 * @param progressInterval how often a running job measures its progress, stores it and renews its lock
 * @param staleAfter a running job whose heartbeat is older than this died with its instance: it shows INTERRUPTED and
 *     its lock may be taken
 * @param stallTimeout a replay whose projections process nothing for this long fails (the processor keeps retrying)
 * @param liveWait how long a consistency check waits for the live projections to reach the position it rebuilt to
 * @param maxDifferences how many differences a consistency check keeps (it counts them all)
 * @param cooldown how long after a replay or check ended the next may start (a start sooner is refused with 429 and
 *     {@code Retry-After}); 5 minutes unless configured
 */
@ConfigurationProperties("ledger.rebuild")
public record RebuildProperties(
        @DefaultValue("1s") Duration progressInterval,
        @DefaultValue("30s") Duration staleAfter,
        @DefaultValue("10m") Duration stallTimeout,
        @DefaultValue("2m") Duration liveWait,
        @DefaultValue("1000") int maxDifferences,
        @DefaultValue("5m") Duration cooldown) {}
