package org.borderledger.query.agreement;

import java.time.LocalDate;

/**
 * The projection stores {@code IN_FORCE} or {@code TERMINATED}, the facts. {@code EXPIRED} is derived when read: an
 * agreement not terminated whose {@code validTo} is before today (UTC) has expired. No event marks expiry, so storing
 * it would go stale; deriving it keeps the read model a pure function of the events. An agreement whose
 * {@code validFrom} is still to come is {@code IN_FORCE}: signed and binding.
 */
enum AgreementStatus {
    IN_FORCE,
    EXPIRED,
    TERMINATED;

    static AgreementStatus of(boolean terminated, LocalDate validTo, LocalDate today) {
        if (terminated) {
            return TERMINATED;
        }
        return validTo != null && validTo.isBefore(today) ? EXPIRED : IN_FORCE;
    }
}
