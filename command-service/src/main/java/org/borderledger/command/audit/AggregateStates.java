package org.borderledger.command.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializationException;
import org.springframework.stereotype.Service;

/**
 * What an aggregate was at a past instant: its events recorded up to then, read through the storage engine (so
 * upcasters apply and snapshots never stand in for events), folded by {@link AuditedState}.
 */
@Service
class AggregateStates {

    @Schema(description = "An aggregate's state rebuilt from the events recorded up to asOf")
    record AsOf(
            String aggregateId,
            String aggregateType,
            Instant asOf,
            @Schema(description = "Sequence number of the last event applied") long sequenceNumber,
            int eventsApplied,
            Instant lastRecordedAt,
            @Schema(
                            description =
                                    "Per aggregate type: CaseState, MarkerState, AgreementState or" + " IndicatorState",
                            oneOf = {AgreementState.class, CaseState.class, MarkerState.class, IndicatorState.class})
                    AuditedState state) {}

    private final EventStorageEngine events;

    AggregateStates(EventStorageEngine events) {
        this.events = events;
    }

    /** The state from the events recorded at or before {@code asOf}; empty when none was. */
    Optional<AsOf> asOf(String aggregateId, Instant asOf) {
        List<Object> payloads = new ArrayList<>();
        DomainEventMessage<?> last = null;
        try {
            DomainEventStream stream = events.readEvents(aggregateId, 0);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                if (!event.getTimestamp().isAfter(asOf)) {
                    payloads.add(event.getPayload());
                    last = event;
                }
            }
            if (last == null) {
                return Optional.empty();
            }
            AuditedState state = AuditedState.fold(payloads).orElseThrow();
            return Optional.of(new AsOf(
                    aggregateId,
                    last.getType(),
                    asOf,
                    last.getSequenceNumber(),
                    payloads.size(),
                    last.getTimestamp(),
                    state));
        } catch (SerializationException | AuditedState.UnexpectedEvent damaged) {
            throw new UnreadableHistory(aggregateId, damaged);
        }
    }
}
