package org.borderledger.command.marker;

import java.time.LocalDate;
import java.util.Collection;
import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;
import org.borderledger.command.StateConflict;
import org.borderledger.events.Side;

/** What a border marker refuses, one class per refusal; each states its public problem type. */
public final class MarkerRefusals {

    private MarkerRefusals() {}

    /** A marker is planned by the side responsible for building it: the other side cannot plan it in its place. */
    @ProblemType("plan-from-other-side")
    static final class PlanFromOtherSide extends NotEntitled {

        PlanFromOtherSide(String markerId, Side responsibleSide, Side planningSide) {
            super(
                    "Marker " + markerId + " is to be built by " + responsibleSide + "; a unit of " + planningSide
                            + " cannot plan it",
                    "responsibleSide");
            arguments(markerId, side(responsibleSide), side(planningSide));
        }
    }

    /** Only the side responsible for building a marker reports it built. */
    @ProblemType("completion-report-from-other-side")
    static final class CompletionReportFromOtherSide extends NotEntitled {

        CompletionReportFromOtherSide(String markerId, Side responsibleSide, Side reportingSide) {
            super("Marker " + markerId + " is built by " + responsibleSide + "; a unit of " + reportingSide
                    + " cannot report its completion");
            arguments(markerId, side(responsibleSide), side(reportingSide));
        }
    }

    /** The marker's completion is reported and awaits the other side's confirmation. */
    @ProblemType("completion-already-reported")
    static final class CompletionAlreadyReported extends StateConflict {

        CompletionAlreadyReported(String markerId, LocalDate completedOn) {
            super("Completion of marker " + markerId + " on " + completedOn
                    + " is already reported and awaits confirmation by the other side");
            arguments(markerId, completedOn);
        }
    }

    /** A marker is completed once; its later life is damage and repair. */
    @ProblemType("marker-already-completed")
    public static final class MarkerAlreadyCompleted extends StateConflict {

        public MarkerAlreadyCompleted(String markerId) {
            super("Marker " + markerId + " is already completed");
            arguments(markerId);
        }
    }

    /** There is nothing to confirm until the responsible side reports the marker built. */
    @ProblemType("completion-not-reported")
    static final class CompletionNotReported extends StateConflict {

        CompletionNotReported(String markerId) {
            super("Completion of marker " + markerId + " has not been reported by the responsible side");
            arguments(markerId);
        }
    }

    /** A marker's completion is verified jointly: the side that built it cannot confirm it. */
    @ProblemType("confirmation-from-same-side")
    static final class ConfirmationFromSameSide extends NotEntitled {

        ConfirmationFromSameSide(String markerId, Side side) {
            super("Marker " + markerId + " was built by " + side + "; only the other side can confirm its completion");
            arguments(markerId, side(side));
        }
    }

    @ProblemType("confirmation-before-completion")
    static final class ConfirmationBeforeCompletion extends RuleViolated {

        ConfirmationBeforeCompletion(String markerId, LocalDate confirmedOn, LocalDate completedOn) {
            super(
                    "Marker " + markerId + " cannot be confirmed on " + confirmedOn
                            + ", before its reported completion on " + completedOn,
                    "confirmedOn");
            arguments(markerId, confirmedOn, completedOn);
        }
    }

    /**
     * A marker's later life is recorded by its provinces: damage by the province that planned and built it or the one
     * that confirmed it, a repair by the province that built it.
     */
    @ProblemType("marker-of-another-province")
    static final class MarkerOfAnotherProvince extends NotEntitled {

        MarkerOfAnotherProvince(String markerId, String province, Collection<String> entitled) {
            super("Marker " + markerId + " is recorded by " + String.join(" and ", entitled) + ", not by " + province);
            arguments(markerId, and(entitled), province);
        }
    }

    /** Damage is reported on a completed (confirmed) marker only. */
    @ProblemType("marker-not-completed")
    static final class MarkerNotCompleted extends StateConflict {

        MarkerNotCompleted(String markerId) {
            super("Marker " + markerId + " is not completed yet");
            arguments(markerId);
        }
    }

    /** The marker's earlier damage has not been repaired yet. */
    @ProblemType("marker-already-damaged")
    static final class MarkerAlreadyDamaged extends StateConflict {

        MarkerAlreadyDamaged(String markerId, LocalDate damagedOn) {
            super("Marker " + markerId + " is already damaged (since " + damagedOn + ") and not yet repaired");
            arguments(markerId, damagedOn);
        }
    }

    @ProblemType("marker-not-damaged")
    static final class MarkerNotDamaged extends StateConflict {

        MarkerNotDamaged(String markerId) {
            super("Marker " + markerId + " has no unrepaired damage");
            arguments(markerId);
        }
    }

    @ProblemType("repair-before-damage")
    static final class RepairBeforeDamage extends RuleViolated {

        RepairBeforeDamage(String markerId, LocalDate repairedOn, LocalDate damagedOn) {
            super(
                    "Marker " + markerId + " cannot be repaired on " + repairedOn + ", before its damage on "
                            + damagedOn,
                    "repairedOn");
            arguments(markerId, repairedOn, damagedOn);
        }
    }
}
