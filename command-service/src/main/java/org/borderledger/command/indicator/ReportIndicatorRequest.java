package org.borderledger.command.indicator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.borderledger.command.web.Ids;
import org.borderledger.events.indicator.IndicatorKind;

/**
 * A figure for a past period: USD for the trade kinds, persons for the visitor kinds. The reporting province is the
 * submitter's, from the token.
 */
record ReportIndicatorRequest(
        @Pattern(regexp = Ids.PATTERN) String id,
        @NotNull IndicatorKind indicator,
        @NotNull LocalDate periodFrom,
        @NotNull @PastOrPresent LocalDate periodTo,
        @NotNull @PositiveOrZero Long value,
        @Size(max = 100) String borderGate,
        @Size(max = 500) String source) {}
