package org.borderledger.query.consistency;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.borderledger.query.replay.TopicSpan;

/**
 * Reads the topic from the first offsets of a span into the shadow read models, one poll (at most
 * {@code max.poll.records}) per transaction, as far as it is asked and no further. It keeps, per partition, the offset of
 * the last record it applied: what the live projections' token says of the live side, so the two can be compared at the
 * same position. Records the converter does not read as events are passed over, as the live source passes them over.
 */
final class ShadowFeed implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, CloudEvent> consumer;
    private final KafkaMessageConverter<String, CloudEvent> converter;
    private final ShadowReadModels models;
    private final Map<Integer, Long> next = new HashMap<>();
    private final Map<Integer, Long> applied = new HashMap<>();
    private long events;

    ShadowFeed(
            Consumer<String, CloudEvent> consumer,
            KafkaMessageConverter<String, CloudEvent> converter,
            ShadowReadModels models,
            TopicSpan span) {
        this.consumer = consumer;
        this.converter = converter;
        this.models = models;
        span.partitions().forEach((partition, range) -> next.put(partition, range.first()));
    }

    /** The offsets of every partition's last record of {@code span}: where a rebuild of the span ends. */
    static Map<Integer, Long> lastOffsets(TopicSpan span) {
        Map<Integer, Long> last = new HashMap<>();
        span.partitions().forEach((partition, range) -> last.put(partition, range.end() - 1));
        return last;
    }

    /**
     * Applies every record up to and including {@code limits} (partition to offset); fails when a partition yields
     * nothing for {@code patience} before its limit. {@code progress} hears the number of events applied so far.
     */
    void applyUpTo(Map<Integer, Long> limits, Duration patience, LongConsumer progress) {
        long quietSince = System.nanoTime();
        while (true) {
            List<TopicPartition> open = consumer.assignment().stream()
                    .filter(partition -> next(partition) <= limits.getOrDefault(partition.partition(), -1L))
                    .toList();
            if (open.isEmpty()) {
                return;
            }
            Set<TopicPartition> assigned = consumer.assignment();
            consumer.pause(assigned);
            consumer.resume(open);
            ConsumerRecords<String, CloudEvent> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                if (System.nanoTime() - quietSince > patience.toNanos()) {
                    throw new IllegalStateException("The topic yielded nothing for " + patience + " on " + open
                            + " before the offsets to rebuild to, " + limits);
                }
                continue;
            }
            quietSince = System.nanoTime();
            List<EventMessage<?>> batch = new ArrayList<>(records.count());
            for (TopicPartition partition : records.partitions()) {
                long limit = limits.getOrDefault(partition.partition(), -1L);
                for (ConsumerRecord<String, CloudEvent> record : records.records(partition)) {
                    if (record.offset() > limit) {
                        consumer.seek(partition, record.offset());
                        break;
                    }
                    converter.readKafkaMessage(record).ifPresent(event -> {
                        batch.add(event);
                        applied.put(partition.partition(), record.offset());
                    });
                    next.put(partition.partition(), record.offset() + 1);
                }
            }
            models.apply(batch);
            events += batch.size();
            progress.accept(events);
        }
    }

    /** Partition to the offset of the last record applied; a partition not named has none. */
    Map<Integer, Long> applied() {
        return Map.copyOf(applied);
    }

    /** Whether the live side has processed records this feed has not read yet. */
    boolean behind(Map<Integer, Long> live) {
        return live.entrySet().stream().anyMatch(entry -> entry.getValue() >= next.getOrDefault(entry.getKey(), 0L));
    }

    long events() {
        return events;
    }

    private long next(TopicPartition partition) {
        return next.getOrDefault(partition.partition(), 0L);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
