package org.borderledger.query.infra;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.codec.RecordKeys;
import org.borderledger.wiring.LedgerWiring;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(LedgerWiring.class)
class AxonConfiguration {

    /**
     * A projection that fails must not be skipped silently: the default handler only logs, which would commit the batch
     * (its token and its {@code processed_position} rows) without that projection's change. Propagating hands the
     * failure to the dead-letter gate ({@code org.borderledger.query.deadletter}), which parks the record.
     */
    @Bean
    ConfigurerModule projectionsFailuresReachTheGate() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler("projections", c -> PropagatingErrorHandler.instance());
    }

    @Bean
    LedgerRecords kafkaMessageConverter(Serializer serializer, RecordKeys recordKeys) {
        return new LedgerRecords(serializer, LedgerCloudEvents.SOURCE, recordKeys);
    }

    /**
     * Consumers that hand every record over as bytes: decoding is the converter's job, where a record that does not
     * decode is parked. (A deserializer that throws would stop the consumer at that record for good.)
     */
    @Bean
    ConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new DefaultConsumerFactory<>(properties);
    }

    /**
     * The topic as the projections stream it: each segment of the processor reads its own partitions
     * ({@link PartitionStreams}), records in fetch order ({@link FetchOrderBuffer}): the token the projections commit
     * then tells exactly which records they have processed, which a replay's progress relies on.
     */
    @Bean
    @SuppressWarnings("unchecked")
    PartitionStreams partitionStreams(
            ConsumerFactory<String, byte[]> consumerFactory,
            Fetcher<?, ?, ?> fetcher,
            KafkaMessageConverter<String, byte[]> converter,
            KafkaProperties kafka) {
        int capacity = kafka.getFetcher().getBufferSize();
        return new PartitionStreams(
                kafka.getDefaultTopic(),
                consumerFactory,
                (Fetcher<String, byte[], KafkaEventMessage>) fetcher,
                converter,
                () -> new FetchOrderBuffer(capacity));
    }
}
