package org.borderledger.query;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.RecordKeys;
import org.borderledger.events.EventMetadata;
import org.borderledger.testsupport.TestInfrastructure;

/**
 * Writes events onto the event topic as the command side's publisher does: signed CloudEvents in binary mode, each
 * with the next global position as its {@code position}. Every writer numbers from its own {@code firstPosition}, so
 * that test classes sharing the topic (and the read models) never reuse a position. It also writes any record as
 * given ({@link #sendRaw}), the way anyone who can reach the broker can.
 */
public final class TopicWriter implements SampleHistory.Sink, AutoCloseable {

    /** The writer the services under test trust: signed with the tests' record key. */
    public static final LedgerCloudEvents CODEC = new LedgerCloudEvents(
            LedgerSerializer.create(),
            LedgerCloudEvents.SOURCE,
            RecordKeys.single(TestInfrastructure.RECORD_KEY_ID, TestInfrastructure.RECORD_SECRET));

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicLong positions;
    private DomainEventMessage<?> last;
    private long lastPosition;

    public TopicWriter(String bootstrapServers, String topic, long firstPosition) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topic;
        this.positions = new AtomicLong(firstPosition - 1);
    }

    /** Sends event {@code sequence} of an aggregate and answers the position it got. */
    @Override
    public long send(String aggregateType, String aggregateId, long sequence, Object payload) {
        var event = new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, payload, MetaData.with(EventMetadata.UNIT, "IT-UNIT"));
        long position = positions.incrementAndGet();
        last = event;
        lastPosition = position;
        sendRaw(CODEC.createKafkaMessage(event, topic, position));
        return position;
    }

    /** Sends the last event once more, same id and position: a publisher's at-least-once redelivery. */
    @Override
    public void repeatLast() {
        sendRaw(CODEC.createKafkaMessage(last, topic, lastPosition));
    }

    /** The next position this writer would give. */
    public long nextPosition() {
        return positions.get() + 1;
    }

    /** Takes the next position without writing anything (for a record a test builds itself). */
    public long takePosition() {
        return positions.incrementAndGet();
    }

    public String topic() {
        return topic;
    }

    /** Sends a record exactly as given and waits for the broker's acknowledgement. */
    public void sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send a record to " + record.topic(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
