package org.borderledger.events;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the provinces' reference data: a province as it was from {@code validFrom} to {@code validTo} (both
 * inclusive; {@code null} is an open end). Entries are keyed by code and valid-from date. {@code succeededBy} is the
 * code that continues the province after {@code validTo}; {@code formedFrom} the codes it continues. {@code ownCode}
 * marks a code of the ledger's own, used where ISO 3166-2 publishes none; {@code source} states where the entry's facts
 * come from.
 */
public record Province(
        String code,
        LocalDate validFrom,
        LocalDate validTo,
        Side side,
        String nameVi,
        String nameKm,
        String nameEn,
        String succeededBy,
        List<String> formedFrom,
        boolean ownCode,
        String source) {

    public Province {
        formedFrom = formedFrom == null ? List.of() : List.copyOf(formedFrom);
    }

    /** Whether the province exists on {@code date}. */
    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether the province had ended before {@code date}. */
    public boolean endedBefore(LocalDate date) {
        return validTo != null && date.isAfter(validTo);
    }

    /** Whether the province began after {@code date}. */
    public boolean beganAfter(LocalDate date) {
        return validFrom != null && date.isBefore(validFrom);
    }
}
