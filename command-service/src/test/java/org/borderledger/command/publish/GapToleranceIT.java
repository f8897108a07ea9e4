package org.borderledger.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The global index is allocated at insert, but transactions commit in any order. The publisher must not skip an event
 * whose transaction commits after a later-numbered one was already published.
 */
@CommandServiceIT
class GapToleranceIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topic;

    @Test
    void publishesAnEventWhoseTransactionCommitsAfterALaterOne() throws Exception {
        String early = "GAP-EARLY-" + UUID.randomUUID();
        String late = "GAP-LATE-" + UUID.randomUUID();
        CountDownLatch earlyInserted = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        TopicReader topicReader = new TopicReader(bootstrapServers, topic);

        CompletableFuture<Void> slowTransaction =
                CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                    eventStore.publish(planned(early));
                    earlyInserted.countDown();
                    await(mayCommit);
                }));
        assertThat(earlyInserted.await(10, TimeUnit.SECONDS)).isTrue();
        transactions.executeWithoutResult(status -> eventStore.publish(planned(late)));

        assertThat(distinctEvents(topicReader.readKey(late, 1, Duration.ofSeconds(30))))
                .as("the later-numbered event is published while the earlier one is uncommitted")
                .hasSize(1);
        mayCommit.countDown();
        slowTransaction.get(10, TimeUnit.SECONDS);

        List<Long> positions = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier in (?, ?)"
                        + " order by global_index",
                Long.class,
                early,
                late);
        assertThat(positions).hasSize(2);
        assertThat(jdbc.queryForObject(
                        "select aggregate_identifier from domain_event_entry where global_index = ?",
                        String.class,
                        positions.get(0)))
                .as("the slow transaction holds the lower position")
                .isEqualTo(early);
        List<ConsumerRecord<String, byte[]>> published = topicReader.readKey(early, 1, Duration.ofSeconds(30));
        assertThat(distinctEvents(published))
                .as("the late-committing event is published too")
                .hasSize(1);
        assertThat(Long.valueOf(TopicReader.header(published.get(0), "ce_position")))
                .as("with its own position, not that of the later event it follows on the topic")
                .isEqualTo(positions.get(0));
    }

    /** The events among the records: publishing is at-least-once, so an event may be on the topic twice. */
    private static Set<String> distinctEvents(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(record -> TopicReader.header(record, "ce_id"))
                .collect(Collectors.toSet());
    }

    private static GenericDomainEventMessage<MarkerPlanned> planned(String id) {
        return new GenericDomainEventMessage<>(
                "BorderMarker", id, 0, new MarkerPlanned(id, MarkerType.MAIN, new GeoPoint(10.5, 104.5), Side.VN));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
