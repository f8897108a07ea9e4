package org.borderledger.command.agreement;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.agreement.AgreementRequests.AmendAgreementRequest;
import org.borderledger.command.agreement.AgreementRequests.RecordAgreementReviewRequest;
import org.borderledger.command.agreement.AgreementRequests.SignAgreementRequest;
import org.borderledger.command.agreement.AgreementRequests.TerminateAgreementRequest;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.BatchWrites;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.SubmissionContext;
import org.borderledger.command.web.Submissions;
import org.borderledger.command.web.Write;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The writes to a cooperation agreement. */
@RestController
@RequestMapping("/api/agreements")
class AgreementController implements BatchWrites {

    static final Write<SignAgreementRequest> SIGN = Write.creating(
            "SignAgreement",
            SignAgreementRequest.class,
            request -> Ids.orGenerate(request.id(), "AGR", request.signedOn().getYear()),
            SignAgreementRequest::command);

    static final Write<RecordAgreementReviewRequest> REVIEW = Write.targeting(
            "RecordAgreementReview", RecordAgreementReviewRequest.class, RecordAgreementReviewRequest::command);

    static final Write<AmendAgreementRequest> AMEND =
            Write.targeting("AmendAgreement", AmendAgreementRequest.class, AmendAgreementRequest::command);

    static final Write<TerminateAgreementRequest> TERMINATE =
            Write.targeting("TerminateAgreement", TerminateAgreementRequest.class, TerminateAgreementRequest::command);

    private final Submissions submissions;

    AgreementController(Submissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign a cooperation agreement between two provinces, one per country")
    Accepted signAgreement(@Valid @RequestBody SignAgreementRequest request, SubmissionContext context) {
        return submissions.submitOne(SIGN, null, request, context);
    }

    @PostMapping("/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a periodic review of an agreement")
    Accepted recordAgreementReview(
            @PathVariable String id,
            @Valid @RequestBody RecordAgreementReviewRequest request,
            SubmissionContext context) {
        return submissions.submitOne(REVIEW, id, request, context);
    }

    @PostMapping("/{id}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Amend an agreement's domains or validity")
    Accepted amendAgreement(
            @PathVariable String id, @Valid @RequestBody AmendAgreementRequest request, SubmissionContext context) {
        return submissions.submitOne(AMEND, id, request, context);
    }

    @PostMapping("/{id}/termination")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Terminate an agreement; nothing can be recorded on it afterwards")
    Accepted terminateAgreement(
            @PathVariable String id, @Valid @RequestBody TerminateAgreementRequest request, SubmissionContext context) {
        return submissions.submitOne(TERMINATE, id, request, context);
    }

    @Override
    public List<Write<?>> batchWrites() {
        return List.of(SIGN, REVIEW, AMEND, TERMINATE);
    }
}
