package org.borderledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.codec.KafkaTopics;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.RecordKeys;
import org.borderledger.events.EventMetadata;

/**
 * Writes a synthetic but valid history of {@code events} events straight to a fresh topic, as the command side's
 * publisher would have: CloudEvents through {@link LedgerCloudEvents}, positions 1..N in global order, keyed by
 * aggregate, interleaved over many aggregates of all four types. Getting a million events there through the HTTP API
 * would take longer than the whole benchmark may; the read side cannot tell the difference.
 */
final class ReplayHistory {

    private ReplayHistory() {}

    /** Writes the history signed with {@code recordKeys} (the services' {@code LEDGER_RECORD_KEYS}). */
    static Map<String, Object> produce(
            String bootstrap, String topic, int partitions, long events, RecordKeys recordKeys)
            throws InterruptedException {
        if (!new KafkaTopics(bootstrap)
                .ensure(topic, partitions, (short) 1, Duration.ofSeconds(30), KafkaTopics.RetentionPolicy.REFUSE)) {
            throw new IllegalStateException("Cannot create topic " + topic + " on " + bootstrap);
        }
        LedgerCloudEvents converter =
                new LedgerCloudEvents(LedgerSerializer.create(), LedgerCloudEvents.SOURCE, recordKeys);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-replay-history");
        AtomicReference<Exception> failed = new AtomicReference<>();
        AtomicLong acknowledged = new AtomicLong();
        List<Histories> lanes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            lanes.add(new Histories("H" + i));
        }
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (long position = 1; position <= events; position++) {
                Step step = lanes.get((int) (position % lanes.size())).next();
                MetaData metaData = MetaData.with(
                                EventMetadata.SUBMITTER, step.submitter().subject())
                        .and(EventMetadata.UNIT, step.submitter().unit())
                        .and(EventMetadata.SIDE, step.submitter().side().name())
                        .and(EventMetadata.PROVINCE, step.submitter().province())
                        .and(EventMetadata.CORRELATION_ID, UUID.randomUUID().toString());
                var event = new GenericDomainEventMessage<>(
                        step.aggregateType(), step.aggregateId(), step.sequence(), step.event(), metaData);
                producer.send(converter.createKafkaMessage(event, topic, position), (metadata, exception) -> {
                    if (exception != null) {
                        failed.compareAndSet(null, exception);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
                if (failed.get() != null) {
                    throw new IllegalStateException("Producing the replay history failed", failed.get());
                }
            }
            producer.flush();
        }
        if (failed.get() != null || acknowledged.get() != events) {
            throw new IllegalStateException(
                    "Replay history incomplete: " + acknowledged.get() + " of " + events + " acknowledged",
                    failed.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("topic", topic);
        result.put("events", events);
        result.put("produceS", Math.round(seconds * 10) / 10.0);
        result.put("producedPerS", Math.round(events / seconds));
        return result;
    }
}
