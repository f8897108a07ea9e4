package org.borderledger.command.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.indicator.IndicatorCommands.CorrectIndicator;
import org.borderledger.command.indicator.IndicatorCommands.ReportIndicator;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.indicator.IndicatorKind;

/** The request bodies of the writes to a cooperation indicator, as records validated before anything is submitted. */
final class IndicatorRequests {

    private IndicatorRequests() {}

    /**
     * A figure for a past period: USD for the trade kinds, persons for the visitor kinds. The reporting province is the
     * submitter's, from the token; for a period before that province existed it is the province of the period that the
     * submitter's province continues, named in {@code predecessorProvince} where there are several (the An Giang of
     * 2025 continues {@code VN-47} and {@code VN-44}). {@code partnerProvince} names the province of the other side the
     * figure is of (the pair, both valid at {@code periodTo}); {@code estimate} is true for a figure reported as an
     * estimate, its source saying whose.
     */
    record ReportIndicatorRequest(
            @Pattern(regexp = Ids.PATTERN) String id,
            @NotNull IndicatorKind indicator,
            @NotNull @BusinessDate LocalDate periodFrom,
            @NotNull @PastOrPresent @BusinessDate LocalDate periodTo,
            @NotNull @PositiveOrZero @Max(FieldLimits.INDICATOR_VALUE) Long value,
            @Text(max = FieldLimits.BORDER_GATE) String borderGate,
            @Text(max = FieldLimits.SOURCE) String source,
            @Pattern(regexp = Ids.PROVINCE) String predecessorProvince,
            @Pattern(regexp = Ids.PROVINCE) String partnerProvince,
            Boolean estimate) {

        ReportIndicator command(String aggregateId, Submitter submitter) {
            return new ReportIndicator(
                    aggregateId,
                    indicator,
                    periodFrom,
                    periodTo,
                    value,
                    borderGate,
                    source,
                    predecessorProvince,
                    partnerProvince,
                    Boolean.TRUE.equals(estimate),
                    submitter);
        }
    }

    record CorrectIndicatorRequest(
            @NotNull @PositiveOrZero @Max(FieldLimits.INDICATOR_VALUE) Long value,
            @NotBlank @Text(max = FieldLimits.TEXT) String reason) {

        CorrectIndicator command(String aggregateId, Submitter submitter) {
            return new CorrectIndicator(aggregateId, value, reason, submitter);
        }
    }
}
