package org.borderledger.command.jurisdiction;

import java.time.LocalDate;
import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;
import org.borderledger.command.StateConflict;
import org.borderledger.events.Side;

/** What a change of the reference data refuses, one class per refusal; each states its public problem type. */
public final class JurisdictionRefusals {

    private JurisdictionRefusals() {}

    /** A change id names one proposal. */
    @ProblemType("change-already-proposed")
    static final class ChangeAlreadyProposed extends StateConflict {

        ChangeAlreadyProposed(String changeId) {
            super("Change " + changeId + " is already proposed");
            arguments(changeId);
        }
    }

    /** Only a proposed change is approved. */
    @ProblemType("change-not-proposed")
    static final class ChangeNotProposed extends StateConflict {

        ChangeNotProposed(String changeId) {
            super("No change " + changeId + " is proposed");
            arguments(changeId);
        }
    }

    @ProblemType("change-already-approved")
    static final class ChangeAlreadyApproved extends StateConflict {

        ChangeAlreadyApproved(String changeId) {
            super("Change " + changeId + " is already approved");
            arguments(changeId);
        }
    }

    /** An admin of the other side approves: one side alone never changes the reference data. */
    @ProblemType("approval-from-same-side")
    static final class ApprovalFromSameSide extends NotEntitled {

        ApprovalFromSameSide(String changeId, Side side) {
            super("Change " + changeId + " was proposed by side " + side + "; an admin of " + side.other()
                    + " approves it");
            arguments(changeId, side(side), side(side.other()));
        }
    }

    /** The reference data stays consistent: periods of one code do not overlap, successors are known, chains end. */
    @ProblemType("inconsistent-reference-data")
    static final class InconsistentChange extends RuleViolated {

        InconsistentChange(String reason) {
            super("The change would make the reference data inconsistent: " + reason, "entries");
            arguments(reason);
        }
    }

    @ProblemType("approval-before-proposal")
    static final class ApprovalBeforeProposal extends RuleViolated {

        ApprovalBeforeProposal(String changeId, LocalDate approvedOn, LocalDate proposedOn) {
            super(
                    "Change " + changeId + " was proposed on " + proposedOn + "; approvedOn " + approvedOn
                            + " is earlier",
                    "approvedOn");
            arguments(changeId, approvedOn, proposedOn);
        }
    }
}
