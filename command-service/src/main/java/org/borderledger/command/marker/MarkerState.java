package org.borderledger.command.marker;

import java.time.LocalDate;
import org.borderledger.command.AuditedState;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;

/**
 * A border marker: planned, its completion reported by the responsible side, confirmed by the other (only then
 * completed), then damaged and repaired; with the date of each step, the latest where a step repeats.
 */
public record MarkerState(
        String markerId,
        MarkerType type,
        Side responsibleSide,
        Status status,
        LocalDate completionReportedOn,
        LocalDate completedOn,
        LocalDate damagedOn,
        LocalDate repairedOn)
        implements AuditedState {

    enum Status {
        PLANNED,
        REPORTED,
        COMPLETED,
        DAMAGED,
        REPAIRED
    }

    /** The state the aggregate's first event creates; {@link UnexpectedEvent} for any other first event. */
    public static MarkerState begin(Object first) {
        if (first instanceof MarkerPlanned event) {
            return planned(event);
        }
        throw new UnexpectedEvent("no border marker yet", first);
    }

    private static MarkerState planned(MarkerPlanned event) {
        return new MarkerState(
                event.markerId(), event.type(), event.responsibleSide(), Status.PLANNED, null, null, null, null);
    }

    @Override
    public MarkerState apply(Object event) {
        if (event instanceof MarkerCompletionReported reported) {
            return new MarkerState(
                    markerId,
                    type,
                    responsibleSide,
                    Status.REPORTED,
                    reported.completedOn(),
                    completedOn,
                    damagedOn,
                    repairedOn);
        }
        if (event instanceof MarkerCompleted completed) {
            return new MarkerState(
                    markerId,
                    type,
                    responsibleSide,
                    Status.COMPLETED,
                    completionReportedOn,
                    completed.confirmedOn(),
                    damagedOn,
                    repairedOn);
        }
        if (event instanceof MarkerDamaged damaged) {
            return new MarkerState(
                    markerId,
                    type,
                    responsibleSide,
                    Status.DAMAGED,
                    completionReportedOn,
                    completedOn,
                    damaged.damagedOn(),
                    repairedOn);
        }
        if (event instanceof MarkerRepaired repaired) {
            return new MarkerState(
                    markerId,
                    type,
                    responsibleSide,
                    Status.REPAIRED,
                    completionReportedOn,
                    completedOn,
                    damagedOn,
                    repaired.repairedOn());
        }
        throw new UnexpectedEvent("a border marker", event);
    }
}
