package org.borderledger.query.marker;

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
import org.borderledger.query.readmodel.ReadModelWrites;
import org.borderledger.query.readmodel.ReadModelWrites.Statement;
import org.borderledger.query.readmodel.Row;
import org.borderledger.query.readmodel.SequencedView;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code marker_view}: a marker's first event creates its row, every later one sets its status and the columns of
 * that status only while the row's
 * {@code last_sequence} is below the event's, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("projections")
class MarkerProjection {

    private static final SequencedView VIEW = new SequencedView("marker_view", "marker_id");

    private static final Statement PLANNED = VIEW.create(
            "marker_type, responsible_side, planned_lat, planned_lon, status", ":type, :side, :lat, :lon, 'PLANNED'");

    private static final Statement REPORTED = VIEW.update("status = 'REPORTED', completed_on = :completedOn,"
            + " reporting_side = :reportingSide, surveyed_lat = :lat, surveyed_lon = :lon");

    private static final Statement COMPLETED =
            VIEW.update("status = 'COMPLETED', confirmed_on = :confirmedOn, confirming_side = :confirmingSide");

    private static final Statement DAMAGED =
            VIEW.update("status = 'DAMAGED', damaged_on = :damagedOn, damage_description = :description");

    private static final Statement REPAIRED =
            VIEW.update("status = 'REPAIRED', repaired_on = :repairedOn, repair_description = :description");

    private final ReadModelWrites writes;

    MarkerProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(MarkerPlanned event, @SequenceNumber long sequence) {
        GeoPoint planned = event.plannedPoint();
        writes.write(
                PLANNED,
                Row.of(event.markerId(), sequence)
                        .with("type", name(event.type()))
                        .with("side", name(event.responsibleSide()))
                        .with("lat", planned == null ? null : planned.lat())
                        .with("lon", planned == null ? null : planned.lon()));
    }

    @EventHandler
    void on(MarkerCompletionReported event, @SequenceNumber long sequence) {
        GeoPoint surveyed = event.surveyedPoint();
        writes.write(
                REPORTED,
                Row.of(event.markerId(), sequence)
                        .with("completedOn", event.completedOn())
                        .with("reportingSide", name(event.reportingSide()))
                        .with("lat", surveyed == null ? null : surveyed.lat())
                        .with("lon", surveyed == null ? null : surveyed.lon()));
    }

    @EventHandler
    void on(MarkerCompleted event, @SequenceNumber long sequence) {
        writes.write(
                COMPLETED,
                Row.of(event.markerId(), sequence)
                        .with("confirmedOn", event.confirmedOn())
                        .with("confirmingSide", name(event.confirmingSide())));
    }

    @EventHandler
    void on(MarkerDamaged event, @SequenceNumber long sequence) {
        writes.write(
                DAMAGED,
                Row.of(event.markerId(), sequence)
                        .with("damagedOn", event.damagedOn())
                        .with("description", event.description()));
    }

    @EventHandler
    void on(MarkerRepaired event, @SequenceNumber long sequence) {
        writes.write(
                REPAIRED,
                Row.of(event.markerId(), sequence)
                        .with("repairedOn", event.repairedOn())
                        .with("description", event.description()));
    }

    /**
     * A replay starts from an empty view: the sequence guards would otherwise skip every replayed event. Runs in the
     * transaction that resets the processor's token.
     */
    @ResetHandler
    void reset() {
        writes.writeNow("DELETE FROM marker_view");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
