package org.borderledger.events.agreement;

import java.time.LocalDate;
import java.util.Set;

/**
 * An amendment. {@code domains} and {@code validTo} are the new values, or {@code null} where the amendment leaves
 * them as they were.
 */
public record AgreementAmended(
        String agreementId,
        LocalDate amendedOn,
        String summary,
        Set<CooperationDomain> domains,
        LocalDate validTo,
        String documentRef) {}
