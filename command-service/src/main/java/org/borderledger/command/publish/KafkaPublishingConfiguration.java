package org.borderledger.command.publish;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Duration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.KafkaTopics;
import org.borderledger.codec.LedgerCloudEvents;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KafkaPublishingConfiguration {

    static final URI SOURCE = URI.create("urn:border-ledger:command-service");

    @Bean
    KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter(Serializer serializer) {
        return new LedgerCloudEvents(serializer, SOURCE);
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
