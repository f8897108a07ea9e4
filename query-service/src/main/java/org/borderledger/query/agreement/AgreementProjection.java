package org.borderledger.query.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.borderledger.query.infra.ReadModelWrites;
import org.borderledger.query.infra.ReadModelWrites.Statement;
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
            "title, parties, status, signed_on, place, document_ref, signatories, domains, valid_from, valid_to,"
                    + " terminated_on, termination_reason",
            ":title, :parties, 'IN_FORCE', :signedOn, :place, :documentRef, :signatories, :domains, :validFrom,"
                    + " :validTo, NULL, NULL");

    /**
     * Every later event in one statement (so one batch keeps their order): an amendment replaces {@code domains} and
     * {@code valid_to} where it sets them, a termination sets the status; a review only advances the sequence.
     */
    private static final Statement ADVANCED = VIEW.update("domains = COALESCE(CAST(:domains AS VARCHAR), domains),"
            + " valid_to = COALESCE(CAST(:validTo AS DATE), valid_to),"
            + " status = CASE WHEN CAST(:terminated AS BOOLEAN) THEN 'TERMINATED' ELSE status END,"
            + " terminated_on = CASE WHEN CAST(:terminated AS BOOLEAN) THEN CAST(:terminatedOn AS DATE)"
            + " ELSE terminated_on END,"
            + " termination_reason = CASE WHEN CAST(:terminated AS BOOLEAN) THEN CAST(:reason AS VARCHAR)"
            + " ELSE termination_reason END");

    private static final Statement REVIEW_LINE = VIEW.line(
            "agreement_review_line",
            "reviewed_on, period_from, period_to, summary",
            "CAST(:reviewedOn AS DATE), CAST(:periodFrom AS DATE), CAST(:periodTo AS DATE), CAST(:summary AS VARCHAR)");

    private static final Statement AMENDMENT_LINE = VIEW.line(
            "agreement_amendment_line",
            "amended_on, summary, domains, valid_to, document_ref",
            "CAST(:amendedOn AS DATE), CAST(:summary AS VARCHAR), CAST(:domains AS VARCHAR), CAST(:validTo AS DATE),"
                    + " CAST(:documentRef AS VARCHAR)");

    private final ReadModelWrites writes;

    AgreementProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long sequence) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", event.agreementId());
        values.put("title", event.title());
        values.put("parties", json(event.parties()));
        values.put("signedOn", event.signedOn());
        values.put("place", event.place());
        values.put("documentRef", event.documentRef());
        values.put("signatories", json(event.signatories()));
        values.put("domains", json(sorted(event.domains())));
        values.put("validFrom", event.validFrom());
        values.put("validTo", event.validTo());
        values.put("sequence", sequence);
        writes.write(SIGNED, values);
    }

    @EventHandler
    void on(AgreementReviewed event, @SequenceNumber long sequence) {
        writes.write(ADVANCED, advanced(event.agreementId(), sequence));
        Map<String, Object> line = new HashMap<>();
        line.put("id", event.agreementId());
        line.put("sequence", sequence);
        line.put("reviewedOn", event.reviewedOn());
        line.put("periodFrom", event.periodFrom());
        line.put("periodTo", event.periodTo());
        line.put("summary", event.summary());
        writes.write(REVIEW_LINE, line);
    }

    /** An amendment replaces {@code domains} and {@code validTo} where it sets them, and is kept as a line. */
    @EventHandler
    void on(AgreementAmended event, @SequenceNumber long sequence) {
        String domains = json(sorted(event.domains()));
        Map<String, Object> values = advanced(event.agreementId(), sequence);
        values.put("domains", domains);
        values.put("validTo", event.validTo());
        writes.write(ADVANCED, values);
        Map<String, Object> line = new HashMap<>();
        line.put("id", event.agreementId());
        line.put("sequence", sequence);
        line.put("amendedOn", event.amendedOn());
        line.put("summary", event.summary());
        line.put("domains", domains);
        line.put("validTo", event.validTo());
        line.put("documentRef", event.documentRef());
        writes.write(AMENDMENT_LINE, line);
    }

    @EventHandler
    void on(AgreementTerminated event, @SequenceNumber long sequence) {
        Map<String, Object> values = advanced(event.agreementId(), sequence);
        values.put("terminated", true);
        values.put("terminatedOn", event.terminatedOn());
        values.put("reason", event.reason());
        writes.write(ADVANCED, values);
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

    /** The values of {@link #ADVANCED} that change nothing but the sequence. */
    private static Map<String, Object> advanced(String agreementId, long sequence) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", agreementId);
        values.put("sequence", sequence);
        values.put("domains", null);
        values.put("validTo", null);
        values.put("terminated", false);
        values.put("terminatedOn", null);
        values.put("reason", null);
        return values;
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
