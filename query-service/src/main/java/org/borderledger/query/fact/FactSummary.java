package org.borderledger.query.fact;

import java.time.LocalDate;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;

/**
 * What a fact line shows of an event besides its payload: the business date it happened on, the amount it adds to a
 * figure and, for a correction, the amount it superseded. Events without a date or an amount leave them null.
 */
record FactSummary(LocalDate businessDate, Long amount, Long previousAmount) {

    static final FactSummary NONE = new FactSummary(null, null, null);

    static FactSummary of(Object event) {
        if (event instanceof RemainsRecovered recovered) {
            return new FactSummary(recovered.recoveredOn(), (long) recovered.count(), null);
        }
        if (event instanceof RemainsRepatriated repatriated) {
            return new FactSummary(repatriated.repatriatedOn(), (long) repatriated.count(), null);
        }
        if (event instanceof IndicatorReported reported) {
            return new FactSummary(reported.periodTo(), reported.value(), null);
        }
        if (event instanceof IndicatorCorrected corrected) {
            return new FactSummary(null, corrected.value(), corrected.previousValue());
        }
        if (event instanceof MarkerCompleted completed) {
            return dated(completed.confirmedOn());
        }
        if (event instanceof MarkerCompletionReported reported) {
            return dated(reported.completedOn());
        }
        if (event instanceof MarkerDamaged damaged) {
            return dated(damaged.damagedOn());
        }
        if (event instanceof MarkerRepaired repaired) {
            return dated(repaired.repairedOn());
        }
        if (event instanceof AgreementSigned signed) {
            return dated(signed.signedOn());
        }
        if (event instanceof AgreementReviewed reviewed) {
            return dated(reviewed.reviewedOn());
        }
        if (event instanceof AgreementAmended amended) {
            return dated(amended.amendedOn());
        }
        if (event instanceof AgreementTerminated terminated) {
            return dated(terminated.terminatedOn());
        }
        return NONE;
    }

    private static FactSummary dated(LocalDate date) {
        return new FactSummary(date, null, null);
    }
}
