package org.borderledger.query.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of the topic the projections hold in memory, and what a record may be before it is decoded.
 *
 * <p>Each partition stream (one per segment the instance holds: one partition each) holds at most
 * <ul>
 *   <li>{@code bufferRecords} decoded records and {@code bufferBytes} of their raw bytes (key, headers, value) in its
 *       buffer, waiting for the projections (a record larger than {@code bufferBytes} is let in alone, when the buffer
 *       is empty);
 *   <li>one poll's records, at most {@code pollRecords} ({@code max.poll.records}), being decoded or waiting for room
 *       in the buffer: the fetching thread stops polling while the buffer is full, so the consumer fetches nothing more;
 *   <li>the consumer's own fetched data: one fetch response, at most {@code fetchBytes}
 *       ({@code max.partition.fetch.bytes} and {@code fetch.max.bytes}; a single record batch larger than that is
 *       still fetched whole, up to the broker's {@code message.max.bytes});
 *   <li>the processor's batch being projected, taken from the buffer: at most the processor's batch size
 *       ({@code axon.eventhandling.processors.projections.batch-size}, 500) and {@code bufferBytes}.
 * </ul>
 * With the defaults that is at most 2,000 records and 10 MiB of raw record bytes per partition stream (buffer 1,000
 * records and 4 MiB, one poll of 500 records from a fetch response of at most 1 MiB, the next fetch response of at
 * most 1 MiB, a batch of 500 records and at most 4 MiB), so 12,000 records and 60 MiB of raw bytes in all for an
 * instance holding the six partitions of the default topic; the count grows with the partitions an instance holds,
 * never with the topic's length. On the heap a decoded record takes several times its raw bytes (the raw record is
 * kept for parking, next to the decoded event and its metadata, about 18 headers each). A processor of one segment
 * reads every partition through one stream, within the bound of one stream.
 *
 * @param bufferRecords decoded records one partition stream holds for the projections at most
 * @param bufferBytes raw bytes of the records one partition stream holds for the projections at most
 * @param pollRecords records one poll of the consumer returns at most ({@code max.poll.records})
 * @param fetchBytes bytes one fetch response carries at most ({@code max.partition.fetch.bytes},
 *     {@code fetch.max.bytes})
 * @param maxRecordBytes a record larger than this (key, headers and value) is parked as malformed, not decoded
 * @param maxJsonDepth a record whose JSON value nests objects and arrays deeper than this is parked as malformed, not
 *     decoded
 * @param restartsBeforeParking how many times the instance may stop on a JVM error at the same record (the same
 *     partition and offset, counted in the {@code projection_halt} table across restarts) before that record is
 *     parked, undecoded, for an admin to decide
 */
@ConfigurationProperties("ledger.projections.fetch")
public record TopicReading(
        @DefaultValue("1000") int bufferRecords,
        @DefaultValue("4MB") DataSize bufferBytes,
        @DefaultValue("500") int pollRecords,
        @DefaultValue("1MB") DataSize fetchBytes,
        @DefaultValue("1MB") DataSize maxRecordBytes,
        @DefaultValue("32") int maxJsonDepth,
        @DefaultValue("3") int restartsBeforeParking) {

    public TopicReading {
        if (bufferRecords < 1 || pollRecords < 1 || maxJsonDepth < 1 || restartsBeforeParking < 1) {
            throw new IllegalArgumentException("ledger.projections.fetch: buffer-records, poll-records, max-json-depth"
                    + " and restarts-before-parking must be at least 1");
        }
        if (bufferBytes.toBytes() < 1 || fetchBytes.toBytes() < 1 || maxRecordBytes.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "ledger.projections.fetch: buffer-bytes, fetch-bytes and max-record-bytes must be positive");
        }
    }
}
