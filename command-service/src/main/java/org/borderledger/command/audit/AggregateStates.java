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
import org.borderledger.command.AuditedState;
import org.borderledger.command.agreement.AgreementState;
import org.borderledger.command.indicator.IndicatorState;
import org.borderledger.command.marker.MarkerState;
import org.borderledger.command.repatriation.CaseState;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.springframework.stereotype.Service;

/**
 * What an aggregate was at a past instant: its events recorded up to then, read through the storage engine (so
 * upcasters apply and snapshots never stand in for events), folded by the {@link AuditedState} of the aggregate's
 * slice.
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
            AuditedState state =
                    AuditedState.fold(AggregateStates::begin, payloads).orElseThrow();
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

    /** The state an aggregate's first event creates, kept by the slice of that aggregate. */
    private static AuditedState begin(Object first) {
        if (first instanceof AgreementSigned) {
            return AgreementState.begin(first);
        }
        if (first instanceof RepatriationCaseOpened) {
            return CaseState.begin(first);
        }
        if (first instanceof MarkerPlanned) {
            return MarkerState.begin(first);
        }
        if (first instanceof IndicatorReported) {
            return IndicatorState.begin(first);
        }
        throw new AuditedState.UnexpectedEvent("no aggregate", first);
    }
}
