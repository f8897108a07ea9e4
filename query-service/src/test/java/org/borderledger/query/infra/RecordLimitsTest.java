package org.borderledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.borderledger.codec.RecordRejection;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * What a partition stream refuses to decode: a record over the size limit, a value nested deeper than the limit, and a
 * record at which the instance stopped on a JVM error after each of the stated restarts.
 */
class RecordLimitsTest {

    private static final String TOPIC = "ledger.events";

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final JdbcClient jdbc = database.jdbc();
    final TopicReading reading =
            new TopicReading(1000, DataSize.ofMegabytes(4), 500, DataSize.ofMegabytes(1), DataSize.ofBytes(200), 4, 2);
    final List<Object> published = new ArrayList<>();

    ProjectionHalts halts() {
        return new ProjectionHalts(
                database.dataSource(),
                database.transactions(),
                published::add,
                Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC),
                reading,
                TOPIC);
    }

    @Test
    void aRecordWithinTheLimitsIsDecoded() {
        assertThat(PartitionStreams.refusedUndecoded(record(0, 7, "{\"a\":[1,{\"b\":2}]}"), reading, halts()))
                .isEmpty();
    }

    @Test
    void aRecordOverTheSizeLimitIsRefusedAsMalformed() {
        Optional<RecordRejection> refused =
                PartitionStreams.refusedUndecoded(record(0, 7, "\"" + "x".repeat(300) + "\""), reading, halts());

        assertThat(refused).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(RecordRejection.Kind.MALFORMED);
            assertThat(rejection.reason()).contains("over the limit of 200");
        });
    }

    @Test
    void aValueNestedDeeperThanTheLimitIsRefusedAsMalformed() {
        Optional<RecordRejection> refused =
                PartitionStreams.refusedUndecoded(record(0, 7, "[[[[[1]]]]]"), reading, halts());

        assertThat(refused).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(RecordRejection.Kind.MALFORMED);
            assertThat(rejection.reason()).contains("deeper than 4");
        });
    }

    @Test
    void stopsAtOneRecordAreCountedAcrossRestartsAndTheRecordIsRefusedOnceTheyReachTheLimit() {
        ConsumerRecord<String, byte[]> poison = record(3, 41, "{}");
        ProjectionHalts first = halts();
        first.halt(3, 41, new StackOverflowError("first"));
        first.halt(3, 41, new StackOverflowError("again in the same run: not counted"));

        assertThat(first.halted()).isTrue();
        assertThat(published).singleElement().isInstanceOfSatisfying(AvailabilityChangeEvent.class, event -> assertThat(
                        event.getState())
                .isEqualTo(LivenessState.BROKEN));
        assertThat(PartitionStreams.refusedUndecoded(poison, reading, halts()))
                .as("after one stop")
                .isEmpty();

        halts().halt(3, 41, new StackOverflowError("second"));
        ProjectionHalts third = halts();

        assertThat(PartitionStreams.refusedUndecoded(poison, reading, third)).hasValueSatisfying(rejection -> {
            assertThat(rejection.kind()).isEqualTo(RecordRejection.Kind.REPEATED_HALT);
            assertThat(rejection.reason()).contains("2 times");
        });
        assertThat(PartitionStreams.refusedUndecoded(record(3, 42, "{}"), reading, third))
                .as("the next record of the partition")
                .isEmpty();
        third.settled(TOPIC, 3, 41);
        assertThat(jdbc.sql("SELECT count(*) FROM projection_halt")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStopAtAnotherOffsetOfThePartitionStartsTheCountAgain() {
        halts().halt(1, 10, new OutOfMemoryError("one"));
        halts().halt(1, 11, new OutOfMemoryError("another record"));

        assertThat(jdbc.sql("SELECT record_offset, restarts FROM projection_halt")
                        .query((rs, row) -> rs.getLong(1) + ":" + rs.getInt(2))
                        .list())
                .containsExactly("11:1");
        assertThat(PartitionStreams.refusedUndecoded(record(1, 11, "{}"), reading, halts()))
                .isEmpty();
    }

    @Test
    void aJvmErrorWhileARecordIsDecodedStopsTheProjectionsAndCountsTheStopAtThatRecord() {
        ProjectionHalts halts = halts();
        KafkaMessageConverter<String, byte[]> overflowing = new KafkaMessageConverter<>() {
            @Override
            public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
                throw new StackOverflowError("decoding");
            }
        };
        PartitionStreams.Tracking tracking =
                new PartitionStreams.Tracking(overflowing, TOPIC, KafkaTrackingToken.emptyToken(), reading, halts);
        ConsumerRecords<String, byte[]> records =
                new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 2), List.of(record(2, 5, "{}"))));

        assertThatThrownBy(() -> tracking.convert(records))
                .isInstanceOf(ProjectionHalts.ProjectionsHalted.class)
                .hasMessageContaining("ledger.events-2@5");
        assertThat(halts.halted()).isTrue();
        assertThat(halts.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(jdbc.sql("SELECT record_offset FROM projection_halt WHERE record_partition = 2")
                        .query(Long.class)
                        .list())
                .containsExactly(5L);
    }

    @Test
    void onlyJvmErrorsStopTheProjections() {
        assertThat(ProjectionHalts.jvmError(new IllegalStateException("a record's fault")))
                .isEmpty();
        OutOfMemoryError error = new OutOfMemoryError("heap");
        assertThat(ProjectionHalts.jvmError(new RuntimeException("driver", error)))
                .containsSame(error);
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("ce_type", "MarkerPlanned".getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(
                TOPIC,
                partition,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                1,
                bytes.length,
                "M-1",
                bytes,
                headers,
                Optional.empty());
    }
}
