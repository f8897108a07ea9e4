package org.borderledger.command.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;

@WritePath(value = "/{id}/reviews", summary = "Record a periodic review of an agreement")
record RecordAgreementReviewRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate reviewedOn,
        @NotNull @BusinessDate LocalDate periodFrom,
        @NotNull @BusinessDate LocalDate periodTo,
        @NotBlank @Text(max = FieldLimits.TEXT) String summary)
        implements Write.Request {

    @Override
    public RecordAgreementReview command(String aggregateId, Submitter submitter) {
        return new RecordAgreementReview(aggregateId, reviewedOn, periodFrom, periodTo, summary, submitter);
    }
}
