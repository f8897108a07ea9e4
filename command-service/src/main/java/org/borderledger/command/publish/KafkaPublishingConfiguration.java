package org.borderledger.command.publish;

import java.net.URI;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.RecordKeys;
import org.borderledger.command.store.StorePositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishing to Kafka: the topic, the CloudEvents converter, one idempotent producer ({@code axon.kafka.producer.*},
 * acks=all) and the {@link OutboxPublisher} in the tracking processor {@code kafka-publisher}
 * ({@code axon.eventhandling.processors.kafka-publisher.*}: one segment, batches of up to 200 events). The Kafka
 * extension's own publisher is switched off ({@code axon.kafka.publisher.enabled=false}): it waits for one
 * acknowledgement per event. With it and the fetcher off, the extension's auto-configuration stays off entirely, so the
 * {@code axon.kafka.*} properties are bound here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
class KafkaPublishingConfiguration {

    @Bean
    LedgerCloudEvents ledgerCloudEvents(
            Serializer serializer,
            RecordKeys recordKeys,
            @Value("${ledger.contract.schema-base-url:http://localhost:8081/api/contract/schemas/}") URI schemaBase) {
        return new LedgerCloudEvents(serializer, LedgerCloudEvents.SOURCE, recordKeys, schemaBase);
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> outboxProducer(KafkaProperties properties) {
        return new KafkaProducer<>(
                properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    TopicWriter topicWriter(
            Producer<String, byte[]> outboxProducer,
            LedgerCloudEvents ledgerCloudEvents,
            @Value("${axon.kafka.default-topic}") String topic,
            @Value("${ledger.kafka.publish-ack-timeout:30s}") Duration acknowledgementTimeout) {
        return new TopicWriter(outboxProducer, ledgerCloudEvents, topic, acknowledgementTimeout);
    }

    @Bean
    OutboxPublisher outboxPublisher(TopicWriter topicWriter, StorePositions positions) {
        return new OutboxPublisher(topicWriter, positions);
    }

    @Bean
    Republisher republisher(
            RepublicationRepository republications,
            JdbcClient jdbc,
            StorePositions positions,
            Serializer serializer,
            TopicWriter topicWriter) {
        return new Republisher(
                republications,
                new StoredEvents(jdbc, positions, serializer),
                topicWriter,
                java.time.Clock.systemUTC());
    }

    /** A batch that cannot be published must fail and be retried, never be skipped (the default handler only logs). */
    @Bean
    ConfigurerModule publishingRetriesInsteadOfSkipping() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        OutboxPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
