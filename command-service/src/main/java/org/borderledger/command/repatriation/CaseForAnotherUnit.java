package org.borderledger.command.repatriation;

import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;

/** A unit opens search cases for itself: the searching unit is the submitting unit, never another one. */
@ProblemType("case-for-another-unit")
class CaseForAnotherUnit extends NotEntitled {

    CaseForAnotherUnit(String searchingUnit, String submittingUnit) {
        super(
                "Unit " + submittingUnit + " cannot open a case searched by another unit (" + searchingUnit + ")",
                "searchingUnit");
    }
}
