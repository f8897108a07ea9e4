package org.borderledger.command.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the audit API ({@code ledger.audit.*}).
 *
 * @param stream how many NDJSON streams may run at once and for how long each
 * @param verification how often a running full verification records its progress, and when a running one whose
 *     instance stopped updating it counts as interrupted
 */
@ConfigurationProperties("ledger.audit")
record AuditProperties(@DefaultValue Stream stream, @DefaultValue Verification verification) {

    /**
     * @param maxConcurrent NDJSON streams at once; one more asks for {@code 503} with {@code Retry-After}
     * @param maxDuration the longest a stream runs; then it ends with a line that says where to resume
     * @param retryAfter what {@code Retry-After} suggests to a refused stream
     */
    record Stream(
            @DefaultValue("4") int maxConcurrent,
            @DefaultValue("10m") Duration maxDuration,
            @DefaultValue("10s") Duration retryAfter) {}

    record Verification(@DefaultValue("1s") Duration progressInterval, @DefaultValue("30s") Duration staleAfter) {}
}
