package org.borderledger.command.marker;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

@ProblemType("repair-before-damage")
class RepairBeforeDamage extends RuleViolated {

    RepairBeforeDamage(String markerId, LocalDate repairedOn, LocalDate damagedOn) {
        super(
                "Marker " + markerId + " cannot be repaired on " + repairedOn + ", before its damage on " + damagedOn,
                "repairedOn");
    }
}
