package org.borderledger.command.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderledger.codec.RecordAuthentication;
import org.borderledger.codec.RecordKeys;

/**
 * The highest position already on the event topic, read from the last records of each partition (the ones published
 * most recently). Every position on the topic came from the store, so a store that ends below it has lost events. Only
 * records whose MAC verifies count: a position written by anyone else says nothing about the store.
 */
final class TopicTail {

    /** Records read from the end of each partition: the newest publishing batches. */
    static final int RECORDS_PER_PARTITION = 200;

    static final String POSITION_HEADER = "ce_position";

    private final String bootstrapServers;
    private final String topic;
    private final RecordKeys keys;

    TopicTail(String bootstrapServers, String topic, RecordKeys keys) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.keys = keys;
    }

    String topic() {
        return topic;
    }

    /**
     * The highest {@code ce_position} among the last records of every partition; empty when the topic does not exist
     * or holds no record.
     *
     * @throws TimeoutException when the broker does not answer within {@code timeout}
     */
    OptionalLong highestPosition(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.CLIENT_ID_CONFIG, "command-service-topic-tail",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return OptionalLong.empty();
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, remaining(deadline));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline));
            Set<TopicPartition> unread = new HashSet<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                long begin = begins.get(partition);
                if (end > begin) {
                    consumer.seek(partition, Math.max(begin, end - RECORDS_PER_PARTITION));
                    unread.add(partition);
                }
            }
            long highest = -1;
            while (!unread.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Could not read the end of topic " + topic + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (RecordAuthentication.isAuthentic(keys, key(record), record.headers(), record.value())) {
                        highest = Math.max(highest, position(record));
                    }
                }
                unread.removeIf(partition -> consumer.position(partition, remaining(deadline)) >= ends.get(partition));
            }
            return highest < 0 ? OptionalLong.empty() : OptionalLong.of(highest);
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static long position(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(POSITION_HEADER);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
