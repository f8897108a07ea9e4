package org.borderledger.command.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the audit API ({@code ledger.audit.*}).
 *
 * @param stream how many NDJSON streams may run at once (of one token subject too) and for how long each
 * @param query how many page, history and state queries run at once (of one token subject too), on their own
 *     connections, and how long one statement may take
 */
@ConfigurationProperties("ledger.audit")
record AuditProperties(@DefaultValue Stream stream, @DefaultValue Query query) {

    /**
     * @param maxConcurrent NDJSON streams at once; one more asks for {@code 503} with {@code Retry-After}
     * @param maxConcurrentPerSubject of those, the streams of one token subject; one more of its own asks for
     *     {@code 429} with {@code Retry-After}, so that one token cannot take every stream
     * @param maxDuration the longest a stream runs; then it ends with a line that says where to resume
     * @param retryAfter what {@code Retry-After} suggests to a refused stream
     */
    record Stream(
            @DefaultValue("4") int maxConcurrent,
            @DefaultValue("2") int maxConcurrentPerSubject,
            @DefaultValue("10m") Duration maxDuration,
            @DefaultValue("10s") Duration retryAfter) {}

    /**
     * @param maxConcurrent page, history and state queries at once, each on a connection of the audit queries' own
     *     pool (never the writes'); one more asks for {@code 503} with {@code Retry-After: 1}
     * @param maxConcurrentPerSubject of those, the queries of one token subject; one more of its own asks for
     *     {@code 429}
     * @param statementTimeout the longest one statement of such a query runs before PostgreSQL cancels it
     */
    record Query(
            @DefaultValue("8") int maxConcurrent,
            @DefaultValue("2") int maxConcurrentPerSubject,
            @DefaultValue("30s") Duration statementTimeout) {}
}
