package org.borderledger.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record exactly as it was read from the topic: where it was, its key, every header and the value's bytes. The read
 * side keeps it when it parks the record, so a retry decodes the very same bytes again.
 */
public record TopicRecord(
        String topic, int partition, long offset, long timestamp, String key, List<Header> headers, byte[] value) {

    /** One Kafka header; a header may repeat. */
    public record Header(String name, byte[] value) {}

    public TopicRecord {
        headers = List.copyOf(headers);
    }

    public static TopicRecord of(ConsumerRecord<String, byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(header -> headers.add(new Header(header.key(), header.value())));
        return new TopicRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.key(),
                headers,
                record.value());
    }

    public ConsumerRecord<String, byte[]> toConsumerRecord() {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach(header -> recordHeaders.add(new RecordHeader(header.name(), header.value())));
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                timestamp,
                TimestampType.CREATE_TIME,
                -1,
                value == null ? -1 : value.length,
                key,
                value,
                recordHeaders,
                Optional.empty());
    }

    /** The first header of that name as text, if any. */
    public Optional<String> header(String name) {
        return headers.stream()
                .filter(header -> header.name().equals(name) && header.value() != null)
                .map(header -> new String(header.value(), StandardCharsets.UTF_8))
                .findFirst();
    }

    /**
     * SHA-256 over key, headers and value (not where the record is): tells the same record, read again, from another
     * record that a recreated topic put at the same offset.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, key == null ? null : key.getBytes(StandardCharsets.UTF_8));
            for (Header header : headers) {
                update(sha, header.name().getBytes(StandardCharsets.UTF_8));
                update(sha, header.value());
            }
            update(sha, value);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void update(MessageDigest sha, byte[] bytes) {
        int length = bytes == null ? -1 : bytes.length;
        sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (bytes != null) {
            sha.update(bytes);
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
