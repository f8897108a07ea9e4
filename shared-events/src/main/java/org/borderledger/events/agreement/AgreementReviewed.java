package org.borderledger.events.agreement;

import java.time.LocalDate;

/** A periodic review of an agreement, such as the 2022–2023 review held on 2024-03-25. */
public record AgreementReviewed(
        String agreementId, LocalDate reviewedOn, LocalDate periodFrom, LocalDate periodTo, String summary) {}
