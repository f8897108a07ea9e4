package org.borderledger.command.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;

@WritePath(
        value = "/{id}/corrections",
        summary = "Correct a figure: the new value supersedes the old one, which stays in the history")
record CorrectIndicatorRequest(
        @NotNull @PositiveOrZero @Max(FieldLimits.INDICATOR_VALUE) Long value,
        @NotBlank @Text(max = FieldLimits.TEXT) String reason)
        implements Write.Request {

    @Override
    public CorrectIndicator command(String aggregateId, Submitter submitter) {
        return new CorrectIndicator(aggregateId, value, reason, submitter);
    }
}
