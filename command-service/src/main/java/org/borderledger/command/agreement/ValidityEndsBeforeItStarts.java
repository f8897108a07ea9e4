package org.borderledger.command.agreement;

import java.time.LocalDate;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** An agreement's validity ends strictly after it starts. */
@ProblemType("validity-ends-before-it-starts")
class ValidityEndsBeforeItStarts extends RuleViolated {

    private ValidityEndsBeforeItStarts(LocalDate validFrom, LocalDate validTo, String... fields) {
        super("An agreement valid from " + validFrom + " must be valid until a later date than " + validTo, fields);
    }

    static ValidityEndsBeforeItStarts atSignature(LocalDate validFrom, LocalDate validTo) {
        return new ValidityEndsBeforeItStarts(validFrom, validTo, "validFrom", "validTo");
    }

    /** An amendment changes only the end of validity, so only that field is at fault. */
    static ValidityEndsBeforeItStarts byAmendment(LocalDate validFrom, LocalDate validTo) {
        return new ValidityEndsBeforeItStarts(validFrom, validTo, "validTo");
    }
}
