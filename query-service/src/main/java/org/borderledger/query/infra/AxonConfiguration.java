package org.borderledger.query.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorHandler;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(LedgerWiring.class)
@EnableConfigurationProperties(TopicReading.class)
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

    /**
     * A batch that failed is rolled back and retried, as the processor does by default; a batch that failed on a JVM
     * {@link Error} (or an exception caused by one, such as a JDBC driver's report of an {@code OutOfMemoryError}) stops
     * the projections instead ({@link ProjectionHalts}): the error is thrown on as an {@code Error}, so the processor
     * stops in its error state rather than retrying.
     */
    @Bean
    ConfigurerModule projectionsStopOnJvmErrors(ProjectionHalts halts) {
        ErrorHandler stopOnJvmErrors = context -> {
            Optional<Error> error = ProjectionHalts.jvmError(context.error());
            if (error.isPresent()) {
                halts.halt(-1, -1, context.error());
                throw error.get();
            }
            PropagatingErrorHandler.instance().handleError(context);
        };
        return configurer -> configurer.eventProcessing().registerErrorHandler("projections", c -> stopOnJvmErrors);
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
    ConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties kafka, TopicReading reading) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, reading.pollRecords());
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int)
                Math.min(Integer.MAX_VALUE, reading.fetchBytes().toBytes()));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, (int)
                Math.min(Integer.MAX_VALUE, reading.fetchBytes().toBytes()));
        return new DefaultConsumerFactory<>(properties);
    }

    /**
     * The topic as the projections stream it: each segment of the processor reads its own partitions
     * ({@link PartitionStreams}), records in fetch order ({@link FetchOrderBuffer}): the token the projections commit
     * then tells exactly which records they have processed, which a replay's progress relies on. What a stream holds in
     * memory is bounded ({@link TopicReading}).
     */
    @Bean
    @SuppressWarnings("unchecked")
    PartitionStreams partitionStreams(
            ConsumerFactory<String, byte[]> consumerFactory,
            Fetcher<?, ?, ?> fetcher,
            KafkaMessageConverter<String, byte[]> converter,
            KafkaProperties kafka,
            TopicReading reading,
            ProjectionHalts halts) {
        return new PartitionStreams(
                kafka.getDefaultTopic(),
                consumerFactory,
                (Fetcher<String, byte[], KafkaEventMessage>) fetcher,
                converter,
                reading,
                halts);
    }
}
