package org.borderledger.query.infra;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.KafkaTopics;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.TokenTable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return LedgerSerializer.create();
    }

    /** The projections' Kafka offsets live in the query database, committed with the read models they produced. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenTable.SCHEMA)
                .serializer(serializer)
                .build();
    }

    /**
     * A projection that fails must not be skipped: the default handler only logs, which would commit the batch (its
     * token and its {@code processed_position} rows) without that projection's change. Propagating rolls the whole
     * batch back and the processor retries it with back-off.
     */
    @Bean
    ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler("projections", c -> PropagatingErrorHandler.instance());
    }

    @Bean
    KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter(Serializer serializer) {
        return new LedgerCloudEvents(serializer, URI.create("urn:border-ledger:command-service"));
    }

    /**
     * The extension's own source, but with the records in fetch order ({@link FetchOrderBuffer}): the token the
     * projections commit then tells exactly which records they have processed, which a replay's progress relies on.
     */
    @Bean
    @SuppressWarnings("unchecked")
    StreamableKafkaMessageSource<String, CloudEvent> streamableKafkaMessageSource(
            Serializer serializer,
            ConsumerFactory<?, ?> consumerFactory,
            Fetcher<?, ?, ?> fetcher,
            KafkaMessageConverter<String, CloudEvent> converter,
            KafkaProperties kafka) {
        int capacity = kafka.getFetcher().getBufferSize();
        return StreamableKafkaMessageSource.<String, CloudEvent>builder()
                .topics(List.of(kafka.getDefaultTopic()))
                .serializer(serializer)
                .consumerFactory((ConsumerFactory<String, CloudEvent>) consumerFactory)
                .fetcher((Fetcher<String, CloudEvent, KafkaEventMessage>) fetcher)
                .messageConverter(converter)
                .bufferFactory(() -> new FetchOrderBuffer(capacity))
                .build();
    }

    @Bean
    KafkaTopics kafkaTopics(@Value("${axon.kafka.bootstrap-servers}") String bootstrapServers) {
        return new KafkaTopics(bootstrapServers);
    }

    /** Creates the topic before the Kafka-sourced processors subscribe (they would otherwise back off for seconds). */
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
