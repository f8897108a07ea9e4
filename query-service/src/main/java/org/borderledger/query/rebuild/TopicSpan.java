package org.borderledger.query.rebuild;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The records of the event topic at one moment: per partition, the offset of its first record and its end offset (the
 * offset the next record will get). A rebuild from this span has processed everything once every partition's last
 * processed offset is at least {@code end - 1}.
 */
public record TopicSpan(SortedMap<Integer, Range> partitions) {

    public TopicSpan {
        partitions = new TreeMap<>(partitions);
    }

    /** {@code first} is inclusive, {@code end} exclusive: the partition holds {@code end - first} records. */
    public record Range(long first, long end) {

        long records() {
            return Math.max(0, end - first);
        }

        /** How many records of this range are at or before {@code lastProcessed} (-1: none processed). */
        long processedUpTo(long lastProcessed) {
            return Math.max(0, Math.min(lastProcessed + 1, end) - first);
        }
    }

    public static TopicSpan of(Map<Integer, Long> first, Map<Integer, Long> end) {
        SortedMap<Integer, Range> partitions = new TreeMap<>();
        end.forEach((partition, endOffset) ->
                partitions.put(partition, new Range(first.getOrDefault(partition, 0L), endOffset)));
        return new TopicSpan(partitions);
    }

    /** Every record of the span. */
    public long total() {
        return partitions.values().stream().mapToLong(Range::records).sum();
    }

    /**
     * How many records of the span lie at or before the given last processed offsets (partition to offset of the last
     * record processed; a partition not named has nothing processed).
     */
    public long processed(Map<Integer, Long> lastProcessed) {
        return partitions.entrySet().stream()
                .mapToLong(entry -> entry.getValue().processedUpTo(lastProcessed.getOrDefault(entry.getKey(), -1L)))
                .sum();
    }

    /** Whether the given last processed offsets cover every record of the span. */
    public boolean coveredBy(Map<Integer, Long> lastProcessed) {
        return processed(lastProcessed) == total();
    }
}
