package org.borderledger.query.segments;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the projections' segments are laid out and balanced by.
 *
 * @param topic the event topic
 * @param partitions its partition count as configured, for a start while the broker does not answer
 * @param claimTimeout how long a claim outlives its silent owner
 * @param node this instance's name in the token table: the token store's node id, the JVM's {@code pid@host} unless
 *     {@code ledger.tokens.node-id} names it
 * @param balanceInterval how often the instance says it is alive and gives up the segments above its share
 * @param memberTimeout how long an instance not heard from still counts
 * @param threads the most segments this instance can hold at once (the processor's threads)
 */
@Component
record SegmentProperties(
        @Value("${axon.kafka.default-topic}") String topic,
        @Value("${ledger.kafka.partitions}") int partitions,
        @Value("${ledger.tokens.claim-timeout:10s}") Duration claimTimeout,
        @Value("${ledger.tokens.node-id:}") String node,
        @Value("${ledger.projections.balance-interval:2s}") Duration balanceInterval,
        @Value("${ledger.projections.member-timeout:10s}") Duration memberTimeout,
        @Value("${axon.eventhandling.processors.projections.thread-count:1}") int threads) {

    SegmentProperties {
        if (balanceInterval.isNegative() || balanceInterval.isZero() || memberTimeout.compareTo(balanceInterval) <= 0) {
            throw new IllegalArgumentException("ledger.projections.member-timeout (" + memberTimeout
                    + ") must be longer than a positive ledger.projections.balance-interval (" + balanceInterval + ")");
        }
        node = node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
    }
}
