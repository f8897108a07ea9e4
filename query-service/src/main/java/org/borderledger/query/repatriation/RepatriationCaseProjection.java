package org.borderledger.query.repatriation;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.query.infra.ReadModelWrites;
import org.borderledger.query.infra.ReadModelWrites.Statement;
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

    /** Recoveries and repatriations in one statement (so one batch keeps their order). */
    private static final Statement COUNTED = VIEW.update("recovered_total = recovered_total + :recovered,"
            + " repatriated_total = repatriated_total + :repatriated,"
            + " first_recovered_on = CASE WHEN CAST(:recoveredOn AS DATE) IS NULL THEN first_recovered_on"
            + " WHEN first_recovered_on IS NULL OR first_recovered_on > CAST(:recoveredOn AS DATE)"
            + " THEN CAST(:recoveredOn AS DATE) ELSE first_recovered_on END");

    private static final Statement LINE = VIEW.line(
            "repatriation_case_line",
            "kind, occurred_on, remains_count, site_province, site_district, site_commune, site_lat, site_lon,"
                    + " border_gate, receiving_unit",
            "CAST(:kind AS VARCHAR), CAST(:occurredOn AS DATE), CAST(:count AS INTEGER), CAST(:province AS VARCHAR),"
                    + " CAST(:district AS VARCHAR), CAST(:commune AS VARCHAR), CAST(:lat AS DOUBLE PRECISION),"
                    + " CAST(:lon AS DOUBLE PRECISION), CAST(:borderGate AS VARCHAR), CAST(:receivingUnit AS VARCHAR)");

    private final ReadModelWrites writes;

    RepatriationCaseProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(RepatriationCaseOpened event, @SequenceNumber long sequence) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", event.caseId());
        values.put("season", event.season());
        values.put("searchProvince", event.searchProvince());
        values.put("searchingUnit", event.searchingUnit());
        values.put("openedByProvince", event.openedByProvince());
        values.put("sequence", sequence);
        writes.write(OPENED, values);
    }

    @EventHandler
    void on(RemainsRecovered event, @SequenceNumber long sequence) {
        Map<String, Object> counted = new HashMap<>();
        counted.put("id", event.caseId());
        counted.put("sequence", sequence);
        counted.put("recovered", event.count());
        counted.put("repatriated", 0);
        counted.put("recoveredOn", event.recoveredOn());
        writes.write(COUNTED, counted);
        RecoverySite site = event.site();
        GeoPoint point = site == null ? null : site.point();
        Map<String, Object> line = line(event.caseId(), sequence, "RECOVERY", event.recoveredOn(), event.count());
        line.put("province", site == null ? null : site.province());
        line.put("district", site == null ? null : site.district());
        line.put("commune", site == null ? null : site.commune());
        line.put("lat", point == null ? null : point.lat());
        line.put("lon", point == null ? null : point.lon());
        writes.write(LINE, line);
    }

    @EventHandler
    void on(RemainsRepatriated event, @SequenceNumber long sequence) {
        Map<String, Object> counted = new HashMap<>();
        counted.put("id", event.caseId());
        counted.put("sequence", sequence);
        counted.put("recovered", 0);
        counted.put("repatriated", event.count());
        counted.put("recoveredOn", null);
        writes.write(COUNTED, counted);
        Map<String, Object> line = line(event.caseId(), sequence, "REPATRIATION", event.repatriatedOn(), event.count());
        line.put("borderGate", event.borderGate());
        line.put("receivingUnit", event.receivingUnit());
        writes.write(LINE, line);
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

    /** The values of {@link #LINE} with the columns of the other kind unset. */
    private static Map<String, Object> line(String caseId, long sequence, String kind, Object occurredOn, int count) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", caseId);
        values.put("sequence", sequence);
        values.put("kind", kind);
        values.put("occurredOn", occurredOn);
        values.put("count", count);
        for (String column :
                new String[] {"province", "district", "commune", "lat", "lon", "borderGate", "receivingUnit"}) {
            values.put(column, null);
        }
        return values;
    }
}
