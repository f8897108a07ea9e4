package org.borderledger.command.publish;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.KafkaTopics;
import org.borderledger.codec.LedgerCloudEvents;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
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

    static final URI SOURCE = URI.create("urn:border-ledger:command-service");

    @Bean
    KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter(Serializer serializer) {
        return new LedgerCloudEvents(serializer, SOURCE);
    }

    @Bean(destroyMethod = "close")
    Producer<String, CloudEvent> outboxProducer(KafkaProperties properties) {
        return new KafkaProducer<>(
                properties.buildProducerProperties(), new StringSerializer(), new CloudEventSerializer());
    }

    @Bean
    OutboxPublisher outboxPublisher(
            Producer<String, CloudEvent> outboxProducer,
            KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter,
            JdbcClient jdbc,
            @Value("${axon.kafka.default-topic}") String topic,
            @Value("${ledger.kafka.publish-ack-timeout:30s}") Duration acknowledgementTimeout) {
        return new OutboxPublisher(outboxProducer, kafkaMessageConverter, jdbc, topic, acknowledgementTimeout);
    }

    /** A batch that cannot be published must fail and be retried, never be skipped (the default handler only logs). */
    @Bean
    ConfigurerModule publishingRetriesInsteadOfSkipping() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        OutboxPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    KafkaTopics kafkaTopics(@Value("${axon.kafka.bootstrap-servers}") String bootstrapServers) {
        return new KafkaTopics(bootstrapServers);
    }

    /** Runs while the context refreshes, before the publishing processor starts. */
    @Bean
    InitializingBean eventTopic(
            KafkaTopics topics,
            @Value("${axon.kafka.default-topic}") String topic,
            @Value("${ledger.kafka.partitions}") int partitions,
            @Value("${ledger.kafka.replication-factor}") short replicationFactor) {
        return () -> topics.ensure(topic, partitions, replicationFactor, Duration.ofSeconds(10));
    }

    @Bean
    HealthIndicator kafka(KafkaTopics topics) {
        return () -> topics.reachable(Duration.ofSeconds(2))
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "Kafka broker not reachable")
                        .build();
    }
}
