package org.borderledger.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.borderledger.codec.KafkaTopics;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.RecordKeys;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The topic's highest position counts only records the ledger signed: anyone else's position says nothing. */
class TopicTailIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void anUnsignedRecordWithAHighPositionDoesNotMoveTheTopicsEnd() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String topic = "ledger.tail." + UUID.randomUUID();
        new KafkaTopics(infrastructure.kafkaBootstrap())
                .ensure(topic, 2, (short) 1, TIMEOUT, KafkaTopics.RetentionPolicy.REFUSE);
        RecordKeys keys = RecordKeys.single(TestInfrastructure.RECORD_KEY_ID, TestInfrastructure.RECORD_SECRET);
        LedgerCloudEvents records = new LedgerCloudEvents(LedgerSerializer.create(), LedgerCloudEvents.SOURCE, keys);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(records.createKafkaMessage(
                            new GenericDomainEventMessage<>(
                                    "BorderMarker",
                                    "T-1",
                                    0,
                                    new MarkerPlanned("T-1", MarkerType.MAIN, new GeoPoint(10.4, 104.5), Side.VN)),
                            topic,
                            5))
                    .get();
            ProducerRecord<String, byte[]> forged =
                    new ProducerRecord<>(topic, "T-2", "{}".getBytes(StandardCharsets.UTF_8));
            forged.headers().add("ce_position", "999".getBytes(StandardCharsets.UTF_8));
            producer.send(forged).get();
        }

        assertThat(new TopicTail(infrastructure.kafkaBootstrap(), topic, keys).highestPosition(TIMEOUT))
                .hasValue(5);
    }
}
