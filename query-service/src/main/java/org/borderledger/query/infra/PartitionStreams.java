package org.borderledger.query.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.RecordConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaMessageStream;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event topic as the {@code projections} processor streams it: each stream reads only the partitions its token
 * names, so a processor segment whose token names one partition decodes that partition's records and no other's (a
 * token that names none, as in a processor of one segment, reads every partition). The stream starts after each
 * partition's offset in the token, or at the partition's first record. The processor opens a replaying segment's stream
 * with the replay's current token, so a replay's start token names the segment's partitions too
 * ({@code ProjectionSegments.rewind}).
 *
 * <p>Every message carries its partition in the metadata entry {@value #PARTITION}, which the processor's sequencing
 * policy hands to the segments. The consumer is assigned its partitions (no consumer group): which instance reads a
 * partition is decided by the claim on the segment's token in the read-model database, which commits with the read
 * model changes.
 */
public final class PartitionStreams implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The metadata entry with the Kafka partition a message was read from. */
    public static final String PARTITION = "kafka-partition";

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final ConsumerFactory<String, byte[]> consumers;
    private final Fetcher<String, byte[], KafkaEventMessage> fetcher;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final Supplier<Buffer<KafkaEventMessage>> buffers;

    PartitionStreams(
            String topic,
            ConsumerFactory<String, byte[]> consumers,
            Fetcher<String, byte[], KafkaEventMessage> fetcher,
            KafkaMessageConverter<String, byte[]> converter,
            Supplier<Buffer<KafkaEventMessage>> buffers) {
        this.topic = topic;
        this.consumers = consumers;
        this.fetcher = fetcher;
        this.converter = converter;
        this.buffers = buffers;
    }

    /** The partitions {@code token} has its stream read; empty when it names none (every partition is read). */
    public static Set<Integer> partitionsOf(TrackingToken token, String topic) {
        TrackingToken named = token instanceof WrappedToken wrapped ? wrapped.upperBound() : token;
        return offsetsOf(named, topic).keySet();
    }

    /** Partition to the offset of the last record {@code token} has processed, for the partitions of {@code topic}. */
    public static Map<Integer, Long> offsetsOf(TrackingToken token, String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        if (token instanceof KafkaTrackingToken kafka) {
            kafka.getPositions().forEach((partition, offset) -> {
                if (partition.topic().equals(topic)) {
                    offsets.put(partition.partition(), offset);
                }
            });
        }
        return offsets;
    }

    /** A token that names {@code partitions} of {@code topic}, each at {@code offsets} (-1: nothing read yet). */
    public static KafkaTrackingToken tokenFor(String topic, Map<Integer, Long> offsets) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        offsets.forEach((partition, offset) -> positions.put(new TopicPartition(topic, partition), offset));
        return KafkaTrackingToken.newInstance(positions);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        Map<Integer, Long> start = offsetsOf(WrappedToken.unwrapLowerBound(trackingToken), topic);
        Consumer<String, byte[]> consumer = consumers.createConsumer(null);
        try {
            Set<Integer> partitions = new TreeSet<>(partitionsOf(trackingToken, topic));
            if (partitions.isEmpty()) {
                for (PartitionInfo info : consumer.partitionsFor(topic, METADATA_TIMEOUT)) {
                    partitions.add(info.partition());
                }
            }
            List<TopicPartition> assigned = new ArrayList<>();
            Map<Integer, Long> from = new HashMap<>();
            for (int partition : partitions) {
                assigned.add(new TopicPartition(topic, partition));
                Long offset = start.get(partition);
                if (offset != null) {
                    from.put(partition, offset);
                }
            }
            consumer.assign(assigned);
            for (TopicPartition partition : assigned) {
                Long offset = from.get(partition.partition());
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset + 1);
                }
            }
            Buffer<KafkaEventMessage> buffer = buffers.get();
            return new KafkaMessageStream(
                    buffer,
                    fetcher.poll(consumer, new Tracking(converter, topic, tokenFor(topic, from)), buffer::putAll));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return KafkaTrackingToken.emptyToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        throw new UnsupportedOperationException("The projections start at the first record of each partition");
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        throw new UnsupportedOperationException("The projections start at the first record of each partition");
    }

    /**
     * Converts fetched records in fetch order, advancing the stream's token record by record (a message's token covers
     * it and every record fetched before it), and names each message's partition.
     */
    private static final class Tracking implements RecordConverter<String, byte[], KafkaEventMessage> {

        private final KafkaMessageConverter<String, byte[]> converter;
        private final String topic;
        private KafkaTrackingToken token;

        Tracking(KafkaMessageConverter<String, byte[]> converter, String topic, KafkaTrackingToken token) {
            this.converter = converter;
            this.topic = topic;
            this.token = token;
        }

        @Override
        public List<KafkaEventMessage> convert(ConsumerRecords<String, byte[]> records) {
            List<KafkaEventMessage> messages = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                token = token.advancedTo(topic, record.partition(), record.offset());
                converter
                        .readKafkaMessage(record)
                        .ifPresent(message -> messages.add(
                                KafkaEventMessage.from(named(message, record.partition()), record, token)));
            }
            return messages;
        }

        private static EventMessage<?> named(EventMessage<?> message, int partition) {
            return message.andMetaData(Map.of(PARTITION, partition));
        }
    }
}
