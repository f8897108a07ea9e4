package org.borderledger.query.web;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.events.FieldLimits;

/** The {@code from} and {@code to} of a figure's query: both days within the ledger's range, in order. */
public final class DateRange {

    private DateRange() {}

    /** {@link InvalidParameter} naming the date at fault. */
    public static void require(LocalDate from, LocalDate to) {
        requireInRange("from", from);
        requireInRange("to", to);
        if (from.isAfter(to)) {
            throw new InvalidParameter(
                    List.of("from", "to"),
                    "from-after-to",
                    "'from' (" + from + ") is after 'to' (" + to + ")",
                    from,
                    to);
        }
    }

    /** Dates beyond the ledger's range hold no fact, and far-off years are beyond what the database takes. */
    private static void requireInRange(String field, LocalDate date) {
        if (date.isBefore(FieldLimits.EARLIEST_DATE) || date.isAfter(FieldLimits.LATEST_DATE)) {
            throw new InvalidParameter(
                    List.of(field),
                    "date-out-of-range",
                    "'" + field + "' must be a date from " + FieldLimits.EARLIEST_DATE + " to "
                            + FieldLimits.LATEST_DATE + ", not " + date,
                    field,
                    FieldLimits.EARLIEST_DATE,
                    FieldLimits.LATEST_DATE,
                    date);
        }
    }
}
