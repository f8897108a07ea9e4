package org.borderledger.events.agreement;

import java.time.LocalDate;

public record AgreementTerminated(String agreementId, LocalDate terminatedOn, String reason) {}
