package org.borderledger.query.repatriation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps {@code repatriation_case_view} and its lines; an event whose sequence was already applied changes nothing. */
@Component
@ProcessingGroup("projections")
class RepatriationCaseProjection {

    private static final Logger log = LoggerFactory.getLogger(RepatriationCaseProjection.class);

    private final RepatriationCaseViewRepository views;

    RepatriationCaseProjection(RepatriationCaseViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(RepatriationCaseOpened event, @SequenceNumber long sequence) {
        if (!views.insertOpened(event, sequence)) {
            alreadyApplied(event.caseId(), sequence);
        }
    }

    @EventHandler
    void on(RemainsRecovered event, @SequenceNumber long sequence) {
        if (!views.addRecovery(event, sequence)) {
            alreadyApplied(event.caseId(), sequence);
        }
    }

    @EventHandler
    void on(RemainsRepatriated event, @SequenceNumber long sequence) {
        if (!views.addRepatriation(event, sequence)) {
            alreadyApplied(event.caseId(), sequence);
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

    private static void alreadyApplied(String caseId, long sequence) {
        log.debug("Repatriation case {} event {} already applied (a redelivery); skipped", caseId, sequence);
    }
}
