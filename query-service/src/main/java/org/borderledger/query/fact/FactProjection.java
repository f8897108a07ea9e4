package org.borderledger.query.fact;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code fact_line}: one line per event of the ledger's own event types, with its submission metadata. A line
 * already written for the same aggregate and sequence (a redelivery) changes nothing.
 */
@Component
@ProcessingGroup("projections")
class FactProjection {

    private static final Logger log = LoggerFactory.getLogger(FactProjection.class);
    private static final String LEDGER_EVENTS = "org.borderledger.events.";

    private final FactLineRepository lines;

    FactProjection(FactLineRepository lines) {
        this.lines = lines;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)
                || !event.getClass().getName().startsWith(LEDGER_EVENTS)) {
            return;
        }
        if (!lines.insert(domainEvent, event, recordedAt)) {
            log.debug(
                    "Fact {} #{} already recorded (a redelivery); skipped",
                    domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber());
        }
    }

    /** A replay starts from no lines. Runs in the transaction that resets the processor's token. */
    @ResetHandler
    void reset() {
        lines.clear();
    }
}
