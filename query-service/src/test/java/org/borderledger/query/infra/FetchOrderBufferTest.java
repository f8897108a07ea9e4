package org.borderledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.Test;

class FetchOrderBufferTest {

    final FetchOrderBuffer buffer = new FetchOrderBuffer(10, Long.MAX_VALUE, message -> 1);

    @Test
    void handsOutRecordsInFetchOrderWhateverTheirTimestamps() throws Exception {
        KafkaTrackingToken token = KafkaTrackingToken.emptyToken();
        KafkaEventMessage late = message(token = token.advancedTo("t", 1, 0), 1, 0, 2_000);
        KafkaEventMessage early = message(token = token.advancedTo("t", 2, 0), 2, 0, 1_000);
        KafkaEventMessage earliest = message(token.advancedTo("t", 2, 1), 2, 1, 500);

        buffer.putAll(List.of(late, early, earliest));

        assertThat(buffer.poll(0, TimeUnit.MILLISECONDS)).isSameAs(late);
        assertThat(buffer.take()).isSameAs(early);
        assertThat(buffer.peek()).isSameAs(earliest);
        KafkaTrackingToken last = (KafkaTrackingToken)
                buffer.poll(0, TimeUnit.MILLISECONDS).value().trackingToken();
        assertThat(last.getPositions())
                .as("the last message's token covers every record handed out")
                .hasSize(2);
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFetcherFailureReachesTheReaderOnceTheBufferIsDrained() throws Exception {
        KafkaEventMessage message = message(KafkaTrackingToken.emptyToken().advancedTo("t", 0, 0), 0, 0, 1);
        buffer.put(message);

        buffer.setException(new IllegalStateException("broker gone"));

        assertThat(buffer.poll(0, TimeUnit.MILLISECONDS)).isSameAs(message);
        assertThatThrownBy(() -> buffer.poll(10, TimeUnit.MILLISECONDS)).hasMessage("broker gone");
    }

    @Test
    void aFullBufferTellsItsRemainingCapacity() throws Exception {
        for (int offset = 0; offset < 10; offset++) {
            buffer.put(message(KafkaTrackingToken.emptyToken().advancedTo("t", 0, offset), 0, offset, offset));
        }

        assertThat(buffer.remainingCapacity()).isZero();
        assertThat(buffer.size()).isEqualTo(10);
        buffer.clear();
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void theFetchingThreadWaitsWhileTheBufferHoldsItsBytesAndGoesOnOnceTheProjectionsTakeOne() throws Exception {
        FetchOrderBuffer bytes = new FetchOrderBuffer(100, 250, message -> 100);
        KafkaTrackingToken token = KafkaTrackingToken.emptyToken();
        List<KafkaEventMessage> batch = List.of(
                message(token = token.advancedTo("t", 0, 0), 0, 0, 0),
                message(token = token.advancedTo("t", 0, 1), 0, 1, 0),
                message(token.advancedTo("t", 0, 2), 0, 2, 0));
        Thread fetching = new Thread(() -> {
            try {
                bytes.putAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        fetching.start();
        fetching.join(300);

        assertThat(fetching.isAlive()).as("the fetching thread waits for room").isTrue();
        assertThat(bytes.size()).isEqualTo(2);
        assertThat(bytes.bytes()).isEqualTo(200);
        assertThat(bytes.take()).isSameAs(batch.get(0));
        fetching.join(5_000);
        assertThat(fetching.isAlive()).isFalse();
        assertThat(bytes.size()).isEqualTo(2);
        assertThat(bytes.bytes()).isEqualTo(200);
    }

    @Test
    void aMessageHeavierThanTheBufferGoesInAloneWhenTheBufferIsEmpty() throws Exception {
        FetchOrderBuffer bytes = new FetchOrderBuffer(100, 50, message -> 80);
        KafkaEventMessage heavy = message(KafkaTrackingToken.emptyToken().advancedTo("t", 0, 0), 0, 0, 0);

        bytes.put(heavy);

        assertThat(bytes.take()).isSameAs(heavy);
        assertThat(bytes.bytes()).isZero();
    }

    private static KafkaEventMessage message(KafkaTrackingToken token, int partition, long offset, long timestamp) {
        return new KafkaEventMessage(
                new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("event " + offset)),
                partition,
                offset,
                timestamp);
    }
}
