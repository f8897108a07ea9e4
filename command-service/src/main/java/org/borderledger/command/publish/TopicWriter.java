package org.borderledger.command.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.borderledger.codec.LedgerCloudEvents;

/**
 * Writes stored events into the event topic, each as a signed CloudEvents record with its own global position: a group
 * of events is sent at once (the producer pipelines them) and every broker acknowledgement awaited, all within one
 * {@code acknowledgementTimeout}.
 */
record TopicWriter(
        Producer<String, byte[]> producer, LedgerCloudEvents records, String topic, Duration acknowledgementTimeout) {

    /** Sends every event, keyed by its position, and returns once the broker has acknowledged them all. */
    void sendAll(List<Map.Entry<Long, DomainEventMessage<?>>> events)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        for (Map.Entry<Long, DomainEventMessage<?>> event : events) {
            acknowledgements.add(producer.send(records.createKafkaMessage(event.getValue(), topic, event.getKey())));
        }
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }
}
