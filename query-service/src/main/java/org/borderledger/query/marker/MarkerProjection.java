package org.borderledger.query.marker;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps {@code marker_view}; an event whose sequence was already applied changes nothing. */
@Component
@ProcessingGroup("projections")
class MarkerProjection {

    private static final Logger log = LoggerFactory.getLogger(MarkerProjection.class);

    private final MarkerViewRepository views;

    MarkerProjection(MarkerViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(MarkerPlanned event, @SequenceNumber long sequence) {
        if (!views.insertPlanned(event, sequence)) {
            alreadyApplied(event.markerId(), sequence);
        }
    }

    @EventHandler
    void on(MarkerCompletionReported event, @SequenceNumber long sequence) {
        if (!views.reportCompletion(event, sequence)) {
            alreadyApplied(event.markerId(), sequence);
        }
    }

    @EventHandler
    void on(MarkerCompleted event, @SequenceNumber long sequence) {
        if (!views.confirm(event, sequence)) {
            alreadyApplied(event.markerId(), sequence);
        }
    }

    @EventHandler
    void on(MarkerDamaged event, @SequenceNumber long sequence) {
        if (!views.damage(event, sequence)) {
            alreadyApplied(event.markerId(), sequence);
        }
    }

    @EventHandler
    void on(MarkerRepaired event, @SequenceNumber long sequence) {
        if (!views.repair(event, sequence)) {
            alreadyApplied(event.markerId(), sequence);
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

    private static void alreadyApplied(String markerId, long sequence) {
        log.debug("Marker {} event {} already applied (a redelivery); skipped", markerId, sequence);
    }
}
