package org.borderledger.command.infra;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the benchmark showed to be worth it on the write side (BENCHMARKS.md): the aggregate cache. */
@Configuration(proxyBeanMethods = false)
class PerformanceConfiguration {

    /** Named by every {@code @Aggregate(cache = "aggregateCache")}. */
    @Bean
    Cache aggregateCache(@Value("${ledger.aggregate-cache.capacity:10000}") int capacity) {
        return new CommittedAggregateCache(capacity);
    }
}
