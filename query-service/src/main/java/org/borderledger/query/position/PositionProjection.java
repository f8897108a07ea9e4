package org.borderledger.query.position;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.borderledger.query.readmodel.ReadModelWrites.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the global position of every event the projections handle. How the position travels: the command side's
 * event store numbers each event ({@code domain_event_entry.global_index}); its Kafka publisher, a tracking processor,
 * reads that number from the store and writes it as the CloudEvent extension {@code position}
 * ({@code ce_position} header); {@link LedgerRecords} turns it back into the metadata entry {@code position} of
 * the event message here; this handler stores it in {@code processed_position}. It runs in the {@code projections}
 * processing group, so the row commits in the same transaction as the read model changes of that event: a position
 * that is in the table is a position whose effects are visible.
 */
@Component
@ProcessingGroup("projections")
class PositionProjection {

    private static final Logger log = LoggerFactory.getLogger(PositionProjection.class);
    private static final Object COMMITTING = new Object();

    /** A position already recorded (a redelivery) changes nothing. */
    private static final Statement PROCESSED = Statement.anyOrder(
            "INSERT INTO processed_position (position, event_id, event_type, aggregate_id, recorded_at)"
                    + " VALUES (:position, :eventId, :eventType, :aggregateId, :recordedAt) ON CONFLICT DO NOTHING");

    private final ReadModelWrites writes;
    private final ProcessedPositions positions;

    PositionProjection(ReadModelWrites writes, ProcessedPositions positions) {
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        var position = LedgerRecords.positionOf(event);
        if (position.isEmpty()) {
            log.warn(
                    "Event {} ({}) carries no position; reads cannot wait for it",
                    event.getIdentifier(),
                    typeOf(event));
            return;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("position", position.get());
        values.put("eventId", event.getIdentifier());
        values.put("eventType", typeOf(event));
        values.put(
                "aggregateId", event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null);
        values.put(
                "recordedAt",
                event.getTimestamp() == null ? null : event.getTimestamp().atOffset(ZoneOffset.UTC));
        writes.write(PROCESSED, values);
        wakeReadersAfterCommit(position.get());
    }

    /**
     * A replay starts with no position processed, so a read with {@code minPosition} waits for the replay to reach
     * its event instead of reading a half-built model as if it were complete.
     */
    @ResetHandler
    void reset() {
        writes.writeNow("DELETE FROM processed_position");
    }

    /** Once per transaction, however many events it holds: after the commit, waiting reads learn its positions. */
    private void wakeReadersAfterCommit(long position) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            positions.processed(List.of(position));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Long> committing = (List<Long>) TransactionSynchronizationManager.getResource(COMMITTING);
        if (committing == null) {
            List<Long> batch = new ArrayList<>();
            committing = batch;
            TransactionSynchronizationManager.bindResource(COMMITTING, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    positions.processed(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(COMMITTING);
                }
            });
        }
        committing.add(position);
    }

    private static String typeOf(EventMessage<?> event) {
        return event.getPayloadType().getSimpleName();
    }
}
