package org.borderledger.query.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class PositionProjectionTest {

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final ProcessedPositionRepository repository = new ProcessedPositionRepository(database.jdbc());
    final ProcessedPositions positions = new ProcessedPositions(
            repository, new ReadProperties(Duration.ofSeconds(5), Duration.ofMillis(50), 100, 25));
    final PositionProjection projection = new PositionProjection(database.writes(), positions);

    @Test
    void recordsThePositionTheEventCarriesInItsMetadata() {
        handle(event("314", 0, 17L));
        handle(event("314", 1, 18L));

        assertThat(repository.contains(17)).isTrue();
        assertThat(repository.contains(18)).isTrue();
        assertThat(repository.contains(19)).isFalse();
        assertThat(repository.highest()).isEqualTo(18);
        JdbcClient jdbc = database.jdbc();
        assertThat(jdbc.sql("SELECT event_type FROM processed_position WHERE position = 17")
                        .query(String.class)
                        .single())
                .isEqualTo("MarkerDamaged");
    }

    @Test
    void aRedeliveredEventRecordsNothingNew() {
        var event = event("314", 0, 17L);
        handle(event);
        handle(event);

        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM processed_position")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aResetForgetsEveryPositionSoThatReadsWaitForTheReplay() {
        handle(event("314", 0, 17L));

        projection.reset();

        assertThat(repository.contains(17)).isFalse();
        assertThat(repository.highest()).isZero();
        handle(event("314", 0, 17L));
        assertThat(repository.contains(17)).isTrue();
    }

    @Test
    void anEmptyReadModelIsAtPositionZero() {
        assertThat(repository.highest()).isZero();
    }

    @Test
    void anEventWithoutPositionIsNotRecorded() {
        handle(event("314", 0, null));

        assertThat(repository.highest()).isZero();
    }

    @Test
    void aWaitingReadIsWokenWhenItsPositionIsCommitted() throws Exception {
        Thread writer = new Thread(() -> {
            sleep(300);
            handle(event("314", 0, 42L));
        });
        long started = System.nanoTime();
        writer.start();

        boolean processed = positions.awaitProcessed(42, Duration.ofSeconds(5));

        writer.join();
        assertThat(processed).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aWaitForAPositionThatNeverComesEndsAfterTheMaximumWait() {
        long started = System.nanoTime();

        boolean processed = positions.awaitProcessed(99, Duration.ofMillis(300));

        assertThat(processed).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
    }

    private void handle(GenericDomainEventMessage<?> event) {
        projection.on(event.getPayload(), event);
    }

    private static GenericDomainEventMessage<?> event(String markerId, long sequence, Long position) {
        MetaData metaData =
                position == null ? MetaData.emptyInstance() : MetaData.with(EventMetadata.POSITION, position);
        return new GenericDomainEventMessage<>(
                "BorderMarker",
                markerId,
                sequence,
                new MarkerDamaged(markerId, LocalDate.of(2020, 1, 1), "flood"),
                metaData);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
