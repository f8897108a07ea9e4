package org.borderledger.query.indicator;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps {@code indicator_view} and its correction lines; an event already applied changes nothing. */
@Component
@ProcessingGroup("projections")
class IndicatorProjection {

    private static final Logger log = LoggerFactory.getLogger(IndicatorProjection.class);

    private final IndicatorViewRepository views;

    IndicatorProjection(IndicatorViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(IndicatorReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!views.insertReported(event, sequence, recordedAt)) {
            alreadyApplied(event.indicatorId(), sequence);
        }
    }

    @EventHandler
    void on(
            IndicatorCorrected event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            EventMessage<?> message) {
        Long position = LedgerRecords.positionOf(message).orElse(null);
        if (!views.correct(event, sequence, position, recordedAt)) {
            alreadyApplied(event.indicatorId(), sequence);
        }
    }

    /**
     * A replay starts from an empty view: the sequence guards would otherwise skip every replayed event. Runs in the
     * transaction that resets the processor's token.
     */
    @ResetHandler
    void reset() {
        views.clear();
    }

    private static void alreadyApplied(String indicatorId, long sequence) {
        log.debug("Indicator {} event {} already applied (a redelivery); skipped", indicatorId, sequence);
    }
}
