package org.borderledger.query.agreement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps {@code agreement_view} and its lines; an event whose sequence was already applied changes nothing. */
@Component
@ProcessingGroup("projections")
class AgreementProjection {

    private static final Logger log = LoggerFactory.getLogger(AgreementProjection.class);

    private final AgreementViewRepository views;

    AgreementProjection(AgreementViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long sequence) {
        if (!views.insertSigned(event, sequence)) {
            alreadyApplied(event.agreementId(), sequence);
        }
    }

    @EventHandler
    void on(AgreementReviewed event, @SequenceNumber long sequence) {
        if (!views.addReview(event, sequence)) {
            alreadyApplied(event.agreementId(), sequence);
        }
    }

    @EventHandler
    void on(AgreementAmended event, @SequenceNumber long sequence) {
        if (!views.amend(event, sequence)) {
            alreadyApplied(event.agreementId(), sequence);
        }
    }

    @EventHandler
    void on(AgreementTerminated event, @SequenceNumber long sequence) {
        if (!views.terminate(event, sequence)) {
            alreadyApplied(event.agreementId(), sequence);
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

    private static void alreadyApplied(String agreementId, long sequence) {
        log.debug("Agreement {} event {} already applied (a redelivery); skipped", agreementId, sequence);
    }
}
