package org.borderledger.command.infra;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.borderledger.codec.LedgerUpcasters;
import org.borderledger.command.evidence.HashChainingEventStorageEngine;
import org.borderledger.command.store.AppendedPositions;
import org.borderledger.events.EventMetadata;
import org.borderledger.wiring.LedgerWiring;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(LedgerWiring.class)
class AxonConfiguration {

    /**
     * The upcasters of every event revision, which Axon applies to every event it reads from the store (aggregates,
     * the publisher, the audit API); the stored bytes, which the hash chain covers, stay as written.
     */
    @Bean
    EventUpcaster ledgerUpcasters() {
        return LedgerUpcasters.chain();
    }

    /** Snake-case names for Axon's event and snapshot tables, which Flyway creates (V1__event_store.sql). */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * The JDBC event store as Axon's {@code JdbcAutoConfiguration} would build it, wrapped so that every appended event
     * carries the hash chain of its aggregate (tamper evidence, see {@code org.borderledger.command.evidence}), and whose
     * append returns the positions it gave the events ({@link AppendedPositions}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        JdbcEventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .snapshotSerializer(AggregateSnapshots.serializer())
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter().combine(AggregateSnapshots.knownAggregates()))
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(AppendedPositions.appendStatement())
                .build();
        return new HashChainingEventStorageEngine(jdbc, eventSerializer, transactionManager);
    }

    /**
     * Axon's JDBC code works on the connection of the Spring transaction it runs in and leaves commit and rollback to
     * that transaction's owner. (Axon's default wraps this so that a unit of work that rolls back also rolls back the
     * whole connection: inside a transaction shared by several writes, one refused command would undo its neighbours'
     * work instead of only its own savepoint.)
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** A duplicate (aggregate id, sequence number) is a concurrent write (SQLSTATE 23505, unique violation). */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Copies who submitted a fact, and under which request, from the command onto every event it causes. */
    @Bean
    CorrelationDataProvider submissionMetadata() {
        return new SimpleCorrelationDataProvider(EventMetadata.SUBMISSION_KEYS.toArray(String[]::new));
    }

    /**
     * Every aggregate is rebuilt only from events of its own type (the {@code type} column of the event store): an id
     * of another aggregate type has no events for it, so the write is refused as an unknown aggregate instead of
     * replaying another type's events. Axon's Spring aggregate lookup does not pass {@code @Aggregate}'s
     * {@code filterEventsByType} on to the aggregate's configurer, so it is set here on each of them.
     */
    @Bean
    static BeanPostProcessor aggregatesReadOnlyTheirOwnEvents() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringAggregateConfigurer<?> aggregate) {
                    aggregate.setFilterEventsByType(true);
                }
                return bean;
            }
        };
    }
}
