package org.borderledger.command.agreement;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.SubmissionContext;
import org.borderledger.command.web.Submissions;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WriteSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agreements")
class AgreementController implements WriteSource {

    static final Write<SignAgreementRequest> SIGN = Write.creating(
            "SignAgreement",
            SignAgreementRequest.class,
            body -> Ids.orGenerate(body.id(), "AGR", body.signedOn().getYear()));

    static final Write<RecordAgreementReviewRequest> REVIEW =
            Write.targeting("RecordAgreementReview", RecordAgreementReviewRequest.class);

    static final Write<AmendAgreementRequest> AMEND = Write.targeting("AmendAgreement", AmendAgreementRequest.class);

    static final Write<TerminateAgreementRequest> TERMINATE =
            Write.targeting("TerminateAgreement", TerminateAgreementRequest.class);

    private final Submissions submissions;

    AgreementController(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(SIGN, REVIEW, AMEND, TERMINATE);
    }

    @PostMapping
    @Operation(summary = "Sign a cooperation agreement between two provinces, one per country")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted sign(@Valid @RequestBody SignAgreementRequest body, SubmissionContext context) {
        return submissions.submitOne(SIGN, null, body, context);
    }

    @PostMapping("/{id}/reviews")
    @Operation(summary = "Record a periodic review of an agreement")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted review(
            @PathVariable String id, @Valid @RequestBody RecordAgreementReviewRequest body, SubmissionContext context) {
        return submissions.submitOne(REVIEW, id, body, context);
    }

    @PostMapping("/{id}/amendments")
    @Operation(summary = "Amend an agreement's domains or validity")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted amend(@PathVariable String id, @Valid @RequestBody AmendAgreementRequest body, SubmissionContext context) {
        return submissions.submitOne(AMEND, id, body, context);
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Terminate an agreement; nothing can be recorded on it afterwards")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted terminate(
            @PathVariable String id, @Valid @RequestBody TerminateAgreementRequest body, SubmissionContext context) {
        return submissions.submitOne(TERMINATE, id, body, context);
    }
}
