package org.borderledger.command.infra;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the benchmark showed to be worth it on the write side (BENCHMARKS.md). */
@Configuration(proxyBeanMethods = false)
class PerformanceConfiguration {

    /** Named by every {@code @Aggregate(cache = "aggregateCache")}. */
    @Bean
    Cache aggregateCache(@Value("${ledger.aggregate-cache.capacity:10000}") int capacity) {
        return new CommittedAggregateCache(capacity);
    }

    @Bean
    InitializingBean wakeTrackingAfterCommit(CommandBus commandBus, EventStore eventStore) {
        return () -> commandBus.registerHandlerInterceptor(new WakeTrackingAfterCommit(eventStore));
    }
}
