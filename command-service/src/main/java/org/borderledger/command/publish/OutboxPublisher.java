package org.borderledger.command.publish;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The outbox's publishing step, in the tracking processor {@value #PROCESSING_GROUP}: every event of a batch is sent to
 * Kafka at once (the producer pipelines them), and the batch waits for all the broker's acknowledgements before it
 * commits. Its token is stored in the same transaction, so it only moves once Kafka has acknowledged every event of the
 * batch (acks=all, idempotent producer): at-least-once, as before, without one round trip per event. A failed or
 * late acknowledgement fails the batch; the processor retries it from the previous token.
 */
@ProcessingGroup(OutboxPublisher.PROCESSING_GROUP)
class OutboxPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private static final String PENDING = OutboxPublisher.class.getName() + ".pending";

    private final Producer<String, CloudEvent> producer;
    private final KafkaMessageConverter<String, CloudEvent> converter;
    private final String topic;
    private final Duration acknowledgementTimeout;

    OutboxPublisher(
            Producer<String, CloudEvent> producer,
            KafkaMessageConverter<String, CloudEvent> converter,
            String topic,
            Duration acknowledgementTimeout) {
        this.producer = producer;
        this.converter = converter;
        this.topic = topic;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @EventHandler
    void publish(EventMessage<?> event) {
        pendingAcknowledgements().add(producer.send(converter.createKafkaMessage(event, topic)));
    }

    /** The sends of the current batch, awaited once before it commits. */
    private List<Future<RecordMetadata>> pendingAcknowledgements() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> pending) {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        try {
            for (Future<RecordMetadata> acknowledgement : pending) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("Interrupted while waiting for Kafka's acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailedException(
                    "Kafka did not acknowledge all " + pending.size() + " events of the batch", e);
        }
    }
}
