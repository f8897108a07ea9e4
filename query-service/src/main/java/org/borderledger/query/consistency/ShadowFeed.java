package org.borderledger.query.consistency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.EventMessage;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.codec.TopicRecord;
import org.borderledger.query.deadletter.DeadLetterRepository;
import org.borderledger.query.rebuild.TopicSpan;

/**
 * Reads the topic from the first offsets of a span into the shadow read models, one poll (at most
 * {@code max.poll.records}) per transaction, as far as it is asked and no further. It keeps, per partition, the offset of
 * the last record it applied: what the live projections' token says of the live side, so the two can be compared at the
 * same position. Records are gated as the live processor gates them: a record that does not decode and authenticate,
 * or that the live side has parked, is not applied, and neither is any later record of its aggregate (the live side
 * parks those behind it); a record an admin discarded is passed over.
 */
final class ShadowFeed implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final LedgerRecords records;
    private final DeadLetterRepository deadLetters;
    private final Map<String, String> parkedLive;
    private final ShadowReadModels models;
    private final Map<Integer, Long> next = new HashMap<>();
    private final Map<Integer, Long> applied = new HashMap<>();
    private final Set<String> held = new HashSet<>();
    private long events;

    ShadowFeed(
            Consumer<String, byte[]> consumer,
            LedgerRecords records,
            DeadLetterRepository deadLetters,
            Map<String, String> parkedLive,
            ShadowReadModels models,
            TopicSpan span) {
        this.consumer = consumer;
        this.records = records;
        this.deadLetters = deadLetters;
        this.parkedLive = Map.copyOf(parkedLive);
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
            ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
            if (polled.isEmpty()) {
                if (System.nanoTime() - quietSince > patience.toNanos()) {
                    throw new IllegalStateException("The topic yielded nothing for " + patience + " on " + open
                            + " before the offsets to rebuild to, " + limits);
                }
                continue;
            }
            quietSince = System.nanoTime();
            List<EventMessage<?>> batch = new ArrayList<>(polled.count());
            for (TopicPartition partition : polled.partitions()) {
                long limit = limits.getOrDefault(partition.partition(), -1L);
                for (ConsumerRecord<String, byte[]> record : polled.records(partition)) {
                    if (record.offset() > limit) {
                        consumer.seek(partition, record.offset());
                        break;
                    }
                    gate(TopicRecord.of(record), batch);
                    applied.put(partition.partition(), record.offset());
                    next.put(partition.partition(), record.offset() + 1);
                }
            }
            events += applyGated(batch);
            progress.accept(events);
        }
    }

    /**
     * Applies the batch in one transaction; when a projection fails on one of its events, the batch is applied again
     * event by event, and the event that fails is held with its aggregate, as the live gate parks it (unless an admin
     * discarded it). Answers the number of events applied.
     */
    private int applyGated(List<EventMessage<?>> batch) {
        try {
            models.apply(batch);
            return batch.size();
        } catch (RuntimeException batchFailed) {
            int applied = 0;
            for (EventMessage<?> event : batch) {
                TopicRecord record = LedgerRecords.recordOf(event).orElseThrow();
                String sequence = LedgerRecords.sequenceOf(record);
                if (held.contains(sequence)) {
                    continue;
                }
                try {
                    models.apply(List.of(event));
                    applied++;
                } catch (RuntimeException failed) {
                    if (!deadLetters.discarded(record)) {
                        held.add(sequence);
                    }
                }
            }
            return applied;
        }
    }

    /** Adds the record's event to {@code batch} if the live processor would have applied it. */
    private void gate(TopicRecord record, List<EventMessage<?>> batch) {
        String sequence = LedgerRecords.sequenceOf(record);
        String parkedDigest = parkedLive.get(DeadLetterRepository.place(record.partition(), record.offset()));
        if (held.contains(sequence) || (parkedDigest != null && parkedDigest.equals(record.digest()))) {
            held.add(sequence);
            return;
        }
        LedgerRecords.Decoded decoded = records.decode(record);
        if (decoded.accepted()) {
            batch.add(decoded.event());
        } else if (!deadLetters.discarded(record)) {
            held.add(sequence);
        }
    }

    /** Partition to the offset of the last record passed (applied or held); a partition not named has none. */
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
