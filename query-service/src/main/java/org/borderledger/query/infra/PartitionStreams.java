package org.borderledger.query.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
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
import org.borderledger.codec.LedgerRecords;
import org.borderledger.codec.RecordRejection;
import org.borderledger.codec.TopicRecord;

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
 *
 * <p>Each stream holds a bounded part of its partitions ({@link TopicReading} states the bound): its buffer takes a
 * bounded number of records and bytes, and the fetching thread polls no further while the buffer is full. A failure of
 * the fetching thread reaches the processor through the buffer, which then opens the stream anew.
 *
 * <p>A record is bounded before it is decoded: one larger than {@link TopicReading#maxRecordBytes()} or whose JSON
 * value nests deeper than {@link TopicReading#maxJsonDepth()} is handed on as a malformed record, which the dead-letter
 * gate parks, and so is a record at which the instance stopped on a JVM error after each of several restarts
 * ({@link ProjectionHalts#parkInstead}). A JVM error while a record is decoded stops the projections
 * ({@link ProjectionHalts#halt}); while they are stopped, no stream opens.
 */
public final class PartitionStreams implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The metadata entry with the Kafka partition a message was read from. */
    public static final String PARTITION = "kafka-partition";

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final ConsumerFactory<String, byte[]> consumers;
    private final Fetcher<String, byte[], KafkaEventMessage> fetcher;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicReading reading;
    private final ProjectionHalts halts;

    PartitionStreams(
            String topic,
            ConsumerFactory<String, byte[]> consumers,
            Fetcher<String, byte[], KafkaEventMessage> fetcher,
            KafkaMessageConverter<String, byte[]> converter,
            TopicReading reading,
            ProjectionHalts halts) {
        this.topic = topic;
        this.consumers = consumers;
        this.fetcher = fetcher;
        this.converter = converter;
        this.reading = reading;
        this.halts = halts;
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
        halts.refuseIfHalted();
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
            Buffer<KafkaEventMessage> buffer = new FetchOrderBuffer(
                    reading.bufferRecords(), reading.bufferBytes().toBytes(), PartitionStreams::weight);
            return new KafkaMessageStream(
                    buffer,
                    fetcher.poll(
                            consumer,
                            new Tracking(converter, topic, tokenFor(topic, from), reading, halts),
                            buffer::putAll,
                            buffer::setException));
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
    static final class Tracking implements RecordConverter<String, byte[], KafkaEventMessage> {

        private final KafkaMessageConverter<String, byte[]> converter;
        private final String topic;
        private final TopicReading reading;
        private final ProjectionHalts halts;
        private KafkaTrackingToken token;

        Tracking(
                KafkaMessageConverter<String, byte[]> converter,
                String topic,
                KafkaTrackingToken token,
                TopicReading reading,
                ProjectionHalts halts) {
            this.converter = converter;
            this.topic = topic;
            this.token = token;
            this.reading = reading;
            this.halts = halts;
        }

        @Override
        public List<KafkaEventMessage> convert(ConsumerRecords<String, byte[]> records) {
            List<KafkaEventMessage> messages = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                token = token.advancedTo(topic, record.partition(), record.offset());
                read(record)
                        .ifPresent(message -> messages.add(
                                KafkaEventMessage.from(named(message, record.partition()), record, token)));
            }
            return messages;
        }

        private Optional<EventMessage<?>> read(ConsumerRecord<String, byte[]> record) {
            Optional<RecordRejection> refused = refusedUndecoded(record, reading, halts);
            if (refused.isPresent()) {
                return Optional.of(LedgerRecords.rejected(TopicRecord.of(record), refused.get()));
            }
            try {
                return converter.readKafkaMessage(record);
            } catch (Error e) {
                halts.halt(record.partition(), record.offset(), e);
                throw new ProjectionHalts.ProjectionsHalted(
                        "at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e);
            }
        }

        private static EventMessage<?> named(EventMessage<?> message, int partition) {
            return message.andMetaData(Map.of(PARTITION, partition));
        }
    }

    /**
     * Why {@code record} is parked without being decoded: it is over the limits ({@link #overLimits}), or the instance
     * stopped on it after each of several restarts.
     */
    static Optional<RecordRejection> refusedUndecoded(
            ConsumerRecord<String, byte[]> record, TopicReading reading, ProjectionHalts halts) {
        Optional<RecordRejection> over = overLimits(record, reading);
        if (over.isPresent()) {
            return over;
        }
        return halts.parkInstead(record.topic(), record.partition(), record.offset())
                .map(reason -> new RecordRejection(RecordRejection.Kind.REPEATED_HALT, reason));
    }

    /**
     * Why {@code record} must not be decoded: it is larger than {@link TopicReading#maxRecordBytes()}, or its value
     * nests objects and arrays deeper than {@link TopicReading#maxJsonDepth()}.
     */
    public static Optional<RecordRejection> overLimits(ConsumerRecord<String, byte[]> record, TopicReading reading) {
        long bytes = rawBytes(record);
        if (bytes > reading.maxRecordBytes().toBytes()) {
            return Optional.of(new RecordRejection(
                    RecordRejection.Kind.MALFORMED,
                    "The record is " + bytes + " bytes (key, headers and value), over the limit of "
                            + reading.maxRecordBytes().toBytes() + "; not decoded"));
        }
        if (JsonDepth.exceeds(record.value(), reading.maxJsonDepth())) {
            return Optional.of(new RecordRejection(
                    RecordRejection.Kind.MALFORMED,
                    "The value nests objects and arrays deeper than " + reading.maxJsonDepth() + "; not decoded"));
        }
        return Optional.empty();
    }

    /** The bytes of a record's key, headers and value, as read. */
    static long rawBytes(ConsumerRecord<String, byte[]> record) {
        long bytes = Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        if (record.serializedKeySize() < 0 && record.key() != null) {
            bytes += record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (record.serializedValueSize() < 0 && record.value() != null) {
            bytes += record.value().length;
        }
        for (Header header : record.headers()) {
            bytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return bytes;
    }

    /** The raw bytes of the record a message was read from: what it weighs in a stream's buffer. */
    private static long weight(KafkaEventMessage message) {
        return LedgerRecords.recordOf(message.value())
                .map(record -> {
                    long bytes = (record.key() == null ? 0 : record.key().length())
                            + (record.value() == null ? 0 : record.value().length);
                    for (TopicRecord.Header header : record.headers()) {
                        bytes += header.name().length() + (header.value() == null ? 0 : header.value().length);
                    }
                    return bytes;
                })
                .orElse(0L);
    }
}
