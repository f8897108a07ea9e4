package org.borderledger.query.agreement;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;

/** An agreement as it stands: {@code domains} and {@code validTo} include amendments; reviews in recorded order. */
record AgreementView(
        String id,
        String title,
        List<String> parties,
        AgreementStatus status,
        LocalDate signedOn,
        String place,
        String documentRef,
        List<Signatory> signatories,
        List<CooperationDomain> domains,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate terminatedOn,
        String terminationReason,
        List<Review> reviews,
        List<Amendment> amendments) {

    record Review(LocalDate reviewedOn, LocalDate periodFrom, LocalDate periodTo, String summary) {}

    /** {@code domains} and {@code validTo} are the values the amendment set, {@code null} where it left them. */
    record Amendment(
            LocalDate amendedOn,
            String summary,
            List<CooperationDomain> domains,
            LocalDate validTo,
            String documentRef) {}
}
