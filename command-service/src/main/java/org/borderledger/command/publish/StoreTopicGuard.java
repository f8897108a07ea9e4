package org.borderledger.command.publish;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.KafkaException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.borderledger.command.store.StorePositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Before the publisher sends anything, compares the highest position already on the topic with the store's highest
 * global index. When the topic is ahead (the store lost events or was restored from an older backup), every batch of
 * the {@code kafka-publisher} processor is refused, so its token stays where it is and nothing reaches the topic, and
 * health reports {@code DOWN} with what happened. The comparison is made once, at start; while the broker cannot be
 * reached it is tried again before each batch.
 */
final class StoreTopicGuard implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StoreTopicGuard.class);

    /** The outcome of the comparison. */
    record Comparison(long storeEnd, long topicEnd) {

        boolean topicAhead() {
            return topicEnd > storeEnd;
        }
    }

    private final TopicTail topicTail;
    private final StorePositions positions;
    private final Duration timeout;
    private volatile Comparison comparison;

    StoreTopicGuard(TopicTail topicTail, StorePositions positions, Duration timeout) {
        this.topicTail = topicTail;
        this.positions = positions;
        this.timeout = timeout;
    }

    /** Compares store and topic unless that was done; empty while the broker cannot be reached. */
    synchronized Optional<Comparison> compare() {
        if (comparison != null) {
            return Optional.of(comparison);
        }
        OptionalLong topicEnd;
        try {
            topicEnd = topicTail.highestPosition(timeout);
        } catch (KafkaException e) {
            log.warn(
                    "Could not read the end of topic {} ({}); compared before the first batch is published",
                    topicTail.topic(),
                    e.toString());
            return Optional.empty();
        }
        long storeEnd = positions.head();
        comparison = new Comparison(storeEnd, topicEnd.orElse(0));
        if (comparison.topicAhead()) {
            log.error(refusal().getMessage());
        } else {
            log.info(
                    "Event store ends at position {}, topic {} at {}: publishing",
                    storeEnd,
                    topicTail.topic(),
                    topicEnd.isPresent() ? topicEnd.getAsLong() : "none");
        }
        return Optional.of(comparison);
    }

    /**
     * The interceptor in front of the publisher's handler: refuses every event while the topic is ahead of the store.
     * Not a bean itself: Axon puts every interceptor bean in front of every processor.
     */
    MessageHandlerInterceptor<EventMessage<?>> publishingInterceptor() {
        return this::refuseWhileTopicAhead;
    }

    private Object refuseWhileTopicAhead(
            UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        Comparison compared = compare()
                .orElseThrow(() -> new EventPublicationFailedException(
                        "Kafka did not answer: the end of topic " + topicTail.topic() + " is unknown", null));
        if (compared.topicAhead()) {
            throw refusal();
        }
        return interceptorChain.proceed();
    }

    @Override
    public Health health() {
        Comparison compared = comparison;
        if (compared == null) {
            return Health.unknown()
                    .withDetail("reason", "topic " + topicTail.topic() + " not yet compared with the event store")
                    .build();
        }
        Health.Builder health = compared.topicAhead() ? Health.down() : Health.up();
        health.withDetail("storeEnd", compared.storeEnd()).withDetail("topicEnd", compared.topicEnd());
        if (compared.topicAhead()) {
            health.withDetail("reason", refusal().getMessage());
        }
        return health.build();
    }

    private StoreBehindTopic refusal() {
        return new StoreBehindTopic(topicTail.topic(), comparison.storeEnd(), comparison.topicEnd());
    }
}
