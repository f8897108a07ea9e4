package org.borderledger.command.publish;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.borderledger.command.store.StorePositions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link StoreTopicGuard}: compared once every bean exists, before the processors start, and put in front of the
 * publisher's handler; its health shows as {@code storeTopic}.
 */
@Configuration(proxyBeanMethods = false)
class StoreTopicGuardConfiguration {

    @Bean
    StoreTopicGuard storeTopic(
            StorePositions positions,
            org.borderledger.codec.RecordKeys recordKeys,
            @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${axon.kafka.default-topic}") String topic) {
        return new StoreTopicGuard(
                new TopicTail(bootstrapServers, topic, recordKeys), positions, Duration.ofSeconds(10));
    }

    @Bean
    SmartInitializingSingleton storeTopicComparedAtStart(StoreTopicGuard guard) {
        return guard::compare;
    }

    @Bean
    ConfigurerModule storeTopicGuardsThePublisher(StoreTopicGuard guard) {
        return configurer -> configurer
                .eventProcessing()
                .registerHandlerInterceptor(
                        OutboxPublisher.PROCESSING_GROUP, configuration -> guard.publishingInterceptor());
    }
}
