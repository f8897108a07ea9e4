package org.borderledger.query.repatriation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.borderledger.query.readmodel.ReadModelWrites.Statement;
import org.borderledger.query.readmodel.Row;
import org.borderledger.query.readmodel.SequencedView;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code repatriation_case_view} and {@code repatriation_case_line}. The totals move only when the case's
 * {@code last_sequence} advances, and a line is written only once its case reached the line's sequence, so a
 * redelivered recovery is neither counted twice nor listed twice.
 */
@Component
@ProcessingGroup("projections")
class RepatriationCaseProjection {

    private static final SequencedView VIEW = new SequencedView("repatriation_case_view", "case_id");

    private static final Statement OPENED = VIEW.create(
            "season, search_province, searching_unit, opened_by_province, recovered_total, repatriated_total,"
                    + " first_recovered_on",
            ":season, :searchProvince, :searchingUnit, :openedByProvince, 0, 0, NULL");

    /** The first recovery date is the earliest of all (LEAST ignores a null on either side). */
    private static final Statement RECOVERED = VIEW.update("recovered_total = recovered_total + :count,"
            + " first_recovered_on = LEAST(first_recovered_on, CAST(:recoveredOn AS DATE))");

    private static final Statement RECOVERY_LINE = VIEW.line(
            "repatriation_case_line",
            "kind, occurred_on, remains_count, site_province, site_district, site_commune, site_lat, site_lon",
            "'RECOVERY', CAST(:recoveredOn AS DATE), CAST(:count AS INTEGER), CAST(:province AS VARCHAR),"
                    + " CAST(:district AS VARCHAR), CAST(:commune AS VARCHAR), CAST(:lat AS DOUBLE PRECISION),"
                    + " CAST(:lon AS DOUBLE PRECISION)");

    private static final Statement REPATRIATED = VIEW.update("repatriated_total = repatriated_total + :count");

    private static final Statement REPATRIATION_LINE = VIEW.line(
            "repatriation_case_line",
            "kind, occurred_on, remains_count, border_gate, receiving_unit",
            "'REPATRIATION', CAST(:repatriatedOn AS DATE), CAST(:count AS INTEGER), CAST(:borderGate AS VARCHAR),"
                    + " CAST(:receivingUnit AS VARCHAR)");

    private final ReadModelWrites writes;

    RepatriationCaseProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(RepatriationCaseOpened event, @SequenceNumber long sequence) {
        writes.write(
                OPENED,
                Row.of(event.caseId(), sequence)
                        .with("season", event.season())
                        .with("searchProvince", event.searchProvince())
                        .with("searchingUnit", event.searchingUnit())
                        .with("openedByProvince", event.openedByProvince()));
    }

    @EventHandler
    void on(RemainsRecovered event, @SequenceNumber long sequence) {
        writes.write(
                RECOVERED,
                Row.of(event.caseId(), sequence).with("count", event.count()).with("recoveredOn", event.recoveredOn()));
        RecoverySite site = event.site();
        GeoPoint point = site == null ? null : site.point();
        writes.write(
                RECOVERY_LINE,
                Row.of(event.caseId(), sequence)
                        .with("recoveredOn", event.recoveredOn())
                        .with("count", event.count())
                        .with("province", site == null ? null : site.province())
                        .with("district", site == null ? null : site.district())
                        .with("commune", site == null ? null : site.commune())
                        .with("lat", point == null ? null : point.lat())
                        .with("lon", point == null ? null : point.lon()));
    }

    @EventHandler
    void on(RemainsRepatriated event, @SequenceNumber long sequence) {
        writes.write(REPATRIATED, Row.of(event.caseId(), sequence).with("count", event.count()));
        writes.write(
                REPATRIATION_LINE,
                Row.of(event.caseId(), sequence)
                        .with("repatriatedOn", event.repatriatedOn())
                        .with("count", event.count())
                        .with("borderGate", event.borderGate())
                        .with("receivingUnit", event.receivingUnit()));
    }

    /**
     * A replay starts from an empty view: the sequence guards would otherwise skip every replayed event. Runs in the
     * transaction that resets the processor's token.
     */
    @ResetHandler
    void reset() {
        writes.writeNow("DELETE FROM repatriation_case_line");
        writes.writeNow("DELETE FROM repatriation_case_view");
    }
}
