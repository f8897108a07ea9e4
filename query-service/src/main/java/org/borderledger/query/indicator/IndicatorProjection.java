package org.borderledger.query.indicator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.borderledger.query.readmodel.ReadModelWrites.Statement;
import org.borderledger.query.readmodel.Row;
import org.borderledger.query.readmodel.SequencedView;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code indicator_view} and its correction lines. A correction changes the view only while the row's
 * {@code last_sequence} is below the event's, and its line is written only once the indicator reached the line's
 * sequence: an event already applied changes nothing.
 */
@Component
@ProcessingGroup("projections")
class IndicatorProjection {

    private static final SequencedView VIEW = new SequencedView("indicator_view", "indicator_id");

    private static final Statement REPORTED = VIEW.create(
            "kind, period_from, period_to, border_gate, source, reporting_province, amount, reported_at",
            ":kind, :periodFrom, :periodTo, :borderGate, :source, :reportingProvince, :amount, :reportedAt");

    private static final Statement CORRECTED = VIEW.update("amount = :amount");

    /** The value a correction supersedes, kept as a line. */
    private static final Statement CORRECTION_LINE = VIEW.line(
            "indicator_correction_line",
            "superseded_amount, corrected_amount, reason, event_position, corrected_at",
            "CAST(:superseded AS BIGINT), CAST(:corrected AS BIGINT), CAST(:reason AS VARCHAR),"
                    + " CAST(:position AS BIGINT), CAST(:correctedAt AS TIMESTAMP WITH TIME ZONE)");

    private final ReadModelWrites writes;

    IndicatorProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(IndicatorReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.write(
                REPORTED,
                Row.of(event.indicatorId(), sequence)
                        .with(
                                "kind",
                                event.indicator() == null
                                        ? null
                                        : event.indicator().name())
                        .with("periodFrom", event.periodFrom())
                        .with("periodTo", event.periodTo())
                        .with("borderGate", event.borderGate())
                        .with("source", event.source())
                        .with("reportingProvince", event.reportingProvince())
                        .with("amount", event.value())
                        .with("reportedAt", utc(recordedAt)));
    }

    /** The corrected value becomes current; the value it supersedes is kept as a correction line. */
    @EventHandler
    void on(
            IndicatorCorrected event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            EventMessage<?> message) {
        writes.write(CORRECTED, Row.of(event.indicatorId(), sequence).with("amount", event.value()));
        writes.write(
                CORRECTION_LINE,
                Row.of(event.indicatorId(), sequence)
                        .with("superseded", event.previousValue())
                        .with("corrected", event.value())
                        .with("reason", event.reason())
                        .with("position", LedgerRecords.positionOf(message).orElse(null))
                        .with("correctedAt", utc(recordedAt)));
    }

    /**
     * A replay starts from an empty view: the sequence guards would otherwise skip every replayed event. Runs in the
     * transaction that resets the processor's token.
     */
    @ResetHandler
    void reset() {
        writes.writeNow("DELETE FROM indicator_correction_line");
        writes.writeNow("DELETE FROM indicator_view");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
