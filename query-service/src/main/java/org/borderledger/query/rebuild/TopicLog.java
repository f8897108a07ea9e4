package org.borderledger.query.rebuild;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The event topic as a log to read from the start: its span of offsets now, and consumers assigned to every partition
 * (no consumer group, like Axon's own streamable source). Consumers come from Axon's consumer factory, so they read
 * records, as bytes, with the same settings as the projections.
 */
@Component
public class TopicLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerFactory<String, byte[]> consumers;
    private final String topic;

    TopicLog(ConsumerFactory<String, byte[]> consumers, @Value("${axon.kafka.default-topic}") String topic) {
        this.consumers = consumers;
        this.topic = topic;
    }

    public String name() {
        return topic;
    }

    /** First and end offset of every partition, now; {@link TopicUnavailable} when the broker does not answer. */
    public TopicSpan span() {
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null)) {
            List<TopicPartition> partitions = partitions(consumer);
            return TopicSpan.of(
                    byPartition(consumer.beginningOffsets(partitions, TIMEOUT)),
                    byPartition(consumer.endOffsets(partitions, TIMEOUT)));
        } catch (KafkaException e) {
            throw new TopicUnavailable(topic, e);
        }
    }

    /** A consumer assigned to every partition of the topic, positioned at each partition's first offset of {@code span}. */
    public Consumer<String, byte[]> readerFrom(TopicSpan span) {
        Consumer<String, byte[]> consumer = consumers.createConsumer(null);
        try {
            List<TopicPartition> partitions = partitions(consumer).stream()
                    .filter(partition -> span.partitions().containsKey(partition.partition()))
                    .toList();
            consumer.assign(partitions);
            partitions.forEach(partition -> consumer.seek(
                    partition, span.partitions().get(partition.partition()).first()));
            return consumer;
        } catch (KafkaException e) {
            consumer.close();
            throw new TopicUnavailable(topic, e);
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new TopicUnavailable(topic, null);
        }
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().partition(), Map.Entry::getValue));
    }
}
