package org.borderledger.query.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.borderledger.query.readmodel.ReadModelWrites.Statement;
import org.borderledger.query.readmodel.Row;
import org.borderledger.query.readmodel.SequencedView;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code agreement_view} and its review and amendment lines. Every change is guarded by the row's
 * {@code last_sequence}, and a line is written only once its agreement reached the line's sequence: a redelivered
 * event changes nothing.
 */
@Component
@ProcessingGroup("projections")
class AgreementProjection {

    private static final ObjectMapper JSON = LedgerSerializer.objectMapper();

    private static final SequencedView VIEW = new SequencedView("agreement_view", "agreement_id");

    private static final Statement SIGNED = VIEW.create(
            "title, parties, status, signed_on, place, document_ref, signatories, domains, valid_from, valid_to",
            ":title, :parties, 'IN_FORCE', :signedOn, :place, :documentRef, :signatories, :domains, :validFrom,"
                    + " :validTo");

    /** A review only advances the sequence; it is kept as a line. */
    private static final Statement REVIEWED = VIEW.update("");

    private static final Statement REVIEW_LINE = VIEW.line(
            "agreement_review_line",
            "reviewed_on, period_from, period_to, summary",
            "CAST(:reviewedOn AS DATE), CAST(:periodFrom AS DATE), CAST(:periodTo AS DATE), CAST(:summary AS VARCHAR)");

    /** An amendment replaces {@code domains} and {@code valid_to} where it sets them; it is kept as a line. */
    private static final Statement AMENDED = VIEW.update("domains = COALESCE(CAST(:domains AS VARCHAR), domains),"
            + " valid_to = COALESCE(CAST(:validTo AS DATE), valid_to)");

    private static final Statement AMENDMENT_LINE = VIEW.line(
            "agreement_amendment_line",
            "amended_on, summary, domains, valid_to, document_ref",
            "CAST(:amendedOn AS DATE), CAST(:summary AS VARCHAR), CAST(:domains AS VARCHAR), CAST(:validTo AS DATE),"
                    + " CAST(:documentRef AS VARCHAR)");

    private static final Statement TERMINATED =
            VIEW.update("status = 'TERMINATED', terminated_on = :terminatedOn, termination_reason = :reason");

    private final ReadModelWrites writes;

    AgreementProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long sequence) {
        writes.write(
                SIGNED,
                Row.of(event.agreementId(), sequence)
                        .with("title", event.title())
                        .with("parties", json(event.parties()))
                        .with("signedOn", event.signedOn())
                        .with("place", event.place())
                        .with("documentRef", event.documentRef())
                        .with("signatories", json(event.signatories()))
                        .with("domains", json(sorted(event.domains())))
                        .with("validFrom", event.validFrom())
                        .with("validTo", event.validTo()));
    }

    @EventHandler
    void on(AgreementReviewed event, @SequenceNumber long sequence) {
        writes.write(REVIEWED, Row.of(event.agreementId(), sequence));
        writes.write(
                REVIEW_LINE,
                Row.of(event.agreementId(), sequence)
                        .with("reviewedOn", event.reviewedOn())
                        .with("periodFrom", event.periodFrom())
                        .with("periodTo", event.periodTo())
                        .with("summary", event.summary()));
    }

    @EventHandler
    void on(AgreementAmended event, @SequenceNumber long sequence) {
        String domains = json(sorted(event.domains()));
        writes.write(
                AMENDED,
                Row.of(event.agreementId(), sequence).with("domains", domains).with("validTo", event.validTo()));
        writes.write(
                AMENDMENT_LINE,
                Row.of(event.agreementId(), sequence)
                        .with("amendedOn", event.amendedOn())
                        .with("summary", event.summary())
                        .with("domains", domains)
                        .with("validTo", event.validTo())
                        .with("documentRef", event.documentRef()));
    }

    @EventHandler
    void on(AgreementTerminated event, @SequenceNumber long sequence) {
        writes.write(
                TERMINATED,
                Row.of(event.agreementId(), sequence)
                        .with("terminatedOn", event.terminatedOn())
                        .with("reason", event.reason()));
    }

    /**
     * A replay starts from an empty view: the sequence guards would otherwise skip every replayed event. Runs in the
     * transaction that resets the processor's token.
     */
    @ResetHandler
    void reset() {
        writes.writeNow("DELETE FROM agreement_review_line");
        writes.writeNow("DELETE FROM agreement_amendment_line");
        writes.writeNow("DELETE FROM agreement_view");
    }

    private static List<CooperationDomain> sorted(Collection<CooperationDomain> domains) {
        return domains == null
                ? null
                : domains.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }
}
