package org.borderledger.command.infra;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmark showed to be worth it on the write side (docs/benchmarks.md). */
@Configuration(proxyBeanMethods = false)
class PerformanceConfiguration {

    /** The last aggregates written, of every type together: the capacity is shared. */
    @Bean
    CommittedAggregateCache committedAggregates(
            @Value("${ledger.aggregate-cache.capacity:10000}") int capacity,
            @Value("${ledger.aggregate-cache.check-store:true}") boolean checkStore,
            JdbcTemplate jdbc) {
        if (!checkStore) {
            return new CommittedAggregateCache(capacity);
        }
        return new CommittedAggregateCache(
                capacity,
                aggregateId -> jdbc.queryForObject(
                        "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        aggregateId.toString()));
    }

    /**
     * One view of the shared cache per aggregate type, named by that aggregate's {@code @Aggregate(cache = …)}. The
     * type names are the aggregates' class names, as Axon stores them in the {@code type} column of the event store.
     */
    @Bean
    Cache agreementCache(CommittedAggregateCache committedAggregates) {
        return committedAggregates.forAggregate("CooperationAgreement");
    }

    @Bean
    Cache repatriationCaseCache(CommittedAggregateCache committedAggregates) {
        return committedAggregates.forAggregate("RepatriationCase");
    }

    @Bean
    Cache markerCache(CommittedAggregateCache committedAggregates) {
        return committedAggregates.forAggregate("BorderMarker");
    }

    @Bean
    Cache indicatorCache(CommittedAggregateCache committedAggregates) {
        return committedAggregates.forAggregate("CooperationIndicator");
    }

    @Bean
    InitializingBean wakeTrackingAfterCommit(CommandBus commandBus, EventStore eventStore) {
        return () -> commandBus.registerHandlerInterceptor(new WakeTrackingAfterCommit(eventStore));
    }
}
