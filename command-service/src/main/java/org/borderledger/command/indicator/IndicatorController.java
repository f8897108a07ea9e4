package org.borderledger.command.indicator;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.indicator.IndicatorRequests.CorrectIndicatorRequest;
import org.borderledger.command.indicator.IndicatorRequests.ReportIndicatorRequest;
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

/** The writes of a cooperation indicator: a figure reported, then corrected. */
@RestController
@RequestMapping("/api/indicators")
class IndicatorController implements BatchWrites {

    static final Write<ReportIndicatorRequest> REPORT = Write.creating(
            "ReportIndicator",
            ReportIndicatorRequest.class,
            request -> Ids.orGenerate(request.id(), "IND", request.periodFrom().getYear()),
            ReportIndicatorRequest::command);

    static final Write<CorrectIndicatorRequest> CORRECT =
            Write.targeting("CorrectIndicator", CorrectIndicatorRequest.class, CorrectIndicatorRequest::command);

    private final Submissions submissions;

    IndicatorController(Submissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a trade or visitor figure for a period, for the submitter's province")
    Accepted reportIndicator(@Valid @RequestBody ReportIndicatorRequest request, SubmissionContext context) {
        return submissions.submitOne(REPORT, null, request, context);
    }

    @PostMapping("/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct a figure: the new value supersedes the old one, which stays in the history")
    Accepted correctIndicator(
            @PathVariable String id, @Valid @RequestBody CorrectIndicatorRequest request, SubmissionContext context) {
        return submissions.submitOne(CORRECT, id, request, context);
    }

    @Override
    public List<Write<?>> batchWrites() {
        return List.of(REPORT, CORRECT);
    }
}
