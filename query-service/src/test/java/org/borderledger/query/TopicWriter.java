package org.borderledger.query;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.events.EventMetadata;

/**
 * Writes events onto the event topic as the command side's publisher does: CloudEvents in binary mode, each with the
 * next global position as its {@code position}. Every writer numbers from its own {@code firstPosition}, so that test
 * classes sharing the topic (and the read models) never reuse a position.
 */
public final class TopicWriter implements SampleHistory.Sink, AutoCloseable {

    private final LedgerCloudEvents codec =
            new LedgerCloudEvents(LedgerSerializer.create(), URI.create("urn:border-ledger:command-service"));
    private final KafkaProducer<String, CloudEvent> producer;
    private final String topic;
    private final AtomicLong positions;
    private GenericTrackedDomainEventMessage<?> last;

    public TopicWriter(String bootstrapServers, String topic, long firstPosition) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new CloudEventSerializer());
        this.topic = topic;
        this.positions = new AtomicLong(firstPosition - 1);
    }

    /** Sends event {@code sequence} of an aggregate and answers the position it got. */
    @Override
    public long send(String aggregateType, String aggregateId, long sequence, Object payload) {
        var event = new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, payload, MetaData.with(EventMetadata.UNIT, "IT-UNIT"));
        long position = positions.incrementAndGet();
        last = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), event);
        send(codec.createKafkaMessage(last, topic));
        return position;
    }

    /** Sends the last event once more, same id and position: a publisher's at-least-once redelivery. */
    @Override
    public void repeatLast() {
        send(codec.createKafkaMessage(last, topic));
    }

    private void send(ProducerRecord<String, CloudEvent> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send " + record.value().getType(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
