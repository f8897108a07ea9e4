package org.borderledger.events.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

public record AgreementSigned(
        String agreementId,
        String title,
        List<String> parties,
        LocalDate signedOn,
        String place,
        List<Signatory> signatories,
        Set<CooperationDomain> domains,
        LocalDate validFrom,
        LocalDate validTo,
        String documentRef) {}
