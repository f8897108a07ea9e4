package org.borderledger.query.segments;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the projections' segments are laid out and balanced by: the topic and its configured partition count, how long
 * a claim outlives its silent owner, this instance's name in the token table (the token store's node id: the JVM's
 * {@code pid@host} unless {@code ledger.tokens.node-id} names it), and the balancing settings
 * ({@code ledger.projections.*}).
 */
@Component
class SegmentProperties {

    private final String topic;
    private final int partitions;
    private final Duration claimTimeout;
    private final String node;
    private final Duration balanceInterval;
    private final Duration memberTimeout;
    private final int threads;

    SegmentProperties(
            @Value("${axon.kafka.default-topic}") String topic,
            @Value("${ledger.kafka.partitions}") int partitions,
            @Value("${ledger.tokens.claim-timeout:10s}") Duration claimTimeout,
            @Value("${ledger.tokens.node-id:}") String nodeId,
            @Value("${ledger.projections.balance-interval:2s}") Duration balanceInterval,
            @Value("${ledger.projections.member-timeout:10s}") Duration memberTimeout,
            @Value("${axon.eventhandling.processors.projections.thread-count:1}") int threads) {
        if (balanceInterval.isNegative() || balanceInterval.isZero() || memberTimeout.compareTo(balanceInterval) <= 0) {
            throw new IllegalArgumentException("ledger.projections.member-timeout (" + memberTimeout
                    + ") must be longer than a positive ledger.projections.balance-interval (" + balanceInterval + ")");
        }
        this.topic = topic;
        this.partitions = partitions;
        this.claimTimeout = claimTimeout;
        this.node = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        this.balanceInterval = balanceInterval;
        this.memberTimeout = memberTimeout;
        this.threads = threads;
    }

    String topic() {
        return topic;
    }

    int partitions() {
        return partitions;
    }

    Duration claimTimeout() {
        return claimTimeout;
    }

    String node() {
        return node;
    }

    Duration balanceInterval() {
        return balanceInterval;
    }

    Duration memberTimeout() {
        return memberTimeout;
    }

    int threads() {
        return threads;
    }
}
