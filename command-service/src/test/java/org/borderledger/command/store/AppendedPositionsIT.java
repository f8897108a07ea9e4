package org.borderledger.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The event store's append hands back the positions it gave the events, without reading the store again. */
@CommandServiceIT
class AppendedPositionsIT {

    private static final MetaData SUBMITTED =
            MetaData.with("unit", "KG-REMAINS-TEAM").and("side", "VN");

    @Autowired
    EventStorageEngine engine;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StorePositions positions;

    @Test
    void returnsThePositionOfEveryEventOfABatchInTheOrderAppended() {
        String id = "REP-2014-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<DomainEventMessage<?>> events = List.of(opened(id), recovered(id, 1, 12), recovered(id, 2, 3));

        AppendedPositions.Appended<Void> appended = transactions.execute(status -> AppendedPositions.during(() -> {
            engine.appendEvents(events);
            return null;
        }));

        List<Long> stored = events.stream()
                .map(event -> jdbc.queryForObject(
                        "select global_index from domain_event_entry where event_identifier = ?",
                        Long.class,
                        event.getIdentifier()))
                .toList();
        assertThat(appended.positions()).containsExactlyElementsOf(stored);
        assertThat(appended.last()).hasValue(stored.get(2));
        assertThat(positions.lastOf(id)).hasValue(stored.get(2));
        assertThat(positions.of(
                        events.stream().map(DomainEventMessage::getIdentifier).toList()))
                .containsEntry(events.get(0).getIdentifier(), stored.get(0))
                .hasSize(3);
        assertThat(positions.head()).isGreaterThanOrEqualTo(stored.get(2));
    }

    @Test
    void handsOnNoPositionOfWorkThatFailed() {
        String id = "REP-2014-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        transactions.executeWithoutResult(status -> engine.appendEvents(List.of(opened(id))));

        AppendedPositions.Appended<Void> appended = AppendedPositions.during(() -> {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> AppendedPositions.during(() -> {
                        engine.appendEvents(List.of(recovered(id, 1, 4)));
                        engine.appendEvents(List.of(opened(id)));
                        return null;
                    })))
                    .isInstanceOf(RuntimeException.class);
            return null;
        });

        assertThat(appended.positions()).isEmpty();
        assertThat(positions.lastOf(id)).isPresent();
        assertThat(positions.lastOf("REP-2014-NONE-" + id)).isEmpty();
    }

    private static DomainEventMessage<?> opened(String id) {
        return new GenericDomainEventMessage<>(
                "RepatriationCase",
                id,
                0,
                new RepatriationCaseOpened(id, "2013-2014", "KH-7", "KG-REMAINS-TEAM", "VN-47"),
                SUBMITTED);
    }

    private static DomainEventMessage<?> recovered(String id, long sequence, int count) {
        return new GenericDomainEventMessage<>(
                "RepatriationCase",
                id,
                sequence,
                new RemainsRecovered(id, LocalDate.of(2014, 3, 2), count, null),
                SUBMITTED);
    }
}
