package org.borderledger.query.marker;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.query.infra.ReadModelWrites;
import org.borderledger.query.infra.ReadModelWrites.Statement;
import org.borderledger.query.readmodel.SequencedView;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code marker_view}: a marker's first event creates its row, every later one changes it only while the row's
 * {@code last_sequence} is below the event's, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("projections")
class MarkerProjection {

    private static final SequencedView VIEW = new SequencedView("marker_view", "marker_id");

    private static final Statement PLANNED = VIEW.create(
            "marker_type, responsible_side, planned_lat, planned_lon, status", ":type, :side, :lat, :lon, 'PLANNED'");

    /** Every later event in one statement (so one batch keeps their order): the new status picks the columns. */
    private static final Statement ADVANCED = VIEW.update(String.join(
            ",",
            "status = :status",
            reported("completed_on", "CAST(:completedOn AS DATE)"),
            reported("reporting_side", "CAST(:reportingSide AS VARCHAR)"),
            reported("surveyed_lat", "CAST(:surveyedLat AS DOUBLE PRECISION)"),
            reported("surveyed_lon", "CAST(:surveyedLon AS DOUBLE PRECISION)"),
            when("COMPLETED", "confirmed_on", "CAST(:confirmedOn AS DATE)"),
            when("COMPLETED", "confirming_side", "CAST(:confirmingSide AS VARCHAR)"),
            when("DAMAGED", "damaged_on", "CAST(:damagedOn AS DATE)"),
            when("DAMAGED", "damage_description", "CAST(:damageDescription AS VARCHAR)"),
            when("REPAIRED", "repaired_on", "CAST(:repairedOn AS DATE)"),
            when("REPAIRED", "repair_description", "CAST(:repairDescription AS VARCHAR)")));

    private final ReadModelWrites writes;

    MarkerProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(MarkerPlanned event, @SequenceNumber long sequence) {
        GeoPoint planned = event.plannedPoint();
        Map<String, Object> values = new HashMap<>();
        values.put("id", event.markerId());
        values.put("type", name(event.type()));
        values.put("side", name(event.responsibleSide()));
        values.put("lat", planned == null ? null : planned.lat());
        values.put("lon", planned == null ? null : planned.lon());
        values.put("sequence", sequence);
        writes.write(PLANNED, values);
    }

    @EventHandler
    void on(MarkerCompletionReported event, @SequenceNumber long sequence) {
        GeoPoint surveyed = event.surveyedPoint();
        Map<String, Object> values = advanced(event.markerId(), sequence, MarkerStatus.REPORTED);
        values.put("completedOn", event.completedOn());
        values.put("reportingSide", name(event.reportingSide()));
        values.put("surveyedLat", surveyed == null ? null : surveyed.lat());
        values.put("surveyedLon", surveyed == null ? null : surveyed.lon());
        writes.write(ADVANCED, values);
    }

    @EventHandler
    void on(MarkerCompleted event, @SequenceNumber long sequence) {
        Map<String, Object> values = advanced(event.markerId(), sequence, MarkerStatus.COMPLETED);
        values.put("confirmedOn", event.confirmedOn());
        values.put("confirmingSide", name(event.confirmingSide()));
        writes.write(ADVANCED, values);
    }

    @EventHandler
    void on(MarkerDamaged event, @SequenceNumber long sequence) {
        Map<String, Object> values = advanced(event.markerId(), sequence, MarkerStatus.DAMAGED);
        values.put("damagedOn", event.damagedOn());
        values.put("damageDescription", event.description());
        writes.write(ADVANCED, values);
    }

    @EventHandler
    void on(MarkerRepaired event, @SequenceNumber long sequence) {
        Map<String, Object> values = advanced(event.markerId(), sequence, MarkerStatus.REPAIRED);
        values.put("repairedOn", event.repairedOn());
        values.put("repairDescription", event.description());
        writes.write(ADVANCED, values);
    }

    /**
     * A replay starts from an empty view: the sequence guards would otherwise skip every replayed event. Runs in the
     * transaction that resets the processor's token.
     */
    @ResetHandler
    void reset() {
        writes.writeNow("DELETE FROM marker_view");
    }

    /** The values of {@link #ADVANCED} with every column of another status left unset. */
    private static Map<String, Object> advanced(String markerId, long sequence, MarkerStatus status) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", markerId);
        values.put("sequence", sequence);
        values.put("status", status.name());
        for (String column : new String[] {
            "completedOn",
            "reportingSide",
            "surveyedLat",
            "surveyedLon",
            "confirmedOn",
            "confirmingSide",
            "damagedOn",
            "damageDescription",
            "repairedOn",
            "repairDescription"
        }) {
            values.put(column, null);
        }
        return values;
    }

    private static String reported(String column, String value) {
        return when("REPORTED", column, value);
    }

    private static String when(String status, String column, String value) {
        return " " + column + " = CASE WHEN CAST(:status AS VARCHAR) = '" + status + "' THEN " + value + " ELSE "
                + column + " END";
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
