package org.borderledger.command.indicator;

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
@RequestMapping("/api/indicators")
class IndicatorController implements WriteSource {

    static final Write<ReportIndicatorRequest> REPORT = Write.creating(
            "ReportIndicator",
            ReportIndicatorRequest.class,
            body -> Ids.orGenerate(body.id(), "IND", body.periodFrom().getYear()));

    static final Write<CorrectIndicatorRequest> CORRECT =
            Write.targeting("CorrectIndicator", CorrectIndicatorRequest.class);

    private final Submissions submissions;

    IndicatorController(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(REPORT, CORRECT);
    }

    @PostMapping
    @Operation(summary = "Report a trade or visitor figure for a period, for the submitter's province")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted report(@Valid @RequestBody ReportIndicatorRequest body, SubmissionContext context) {
        return submissions.submitOne(REPORT, null, body, context);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct a figure: the new value supersedes the old one, which stays in the history")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted correct(
            @PathVariable String id, @Valid @RequestBody CorrectIndicatorRequest body, SubmissionContext context) {
        return submissions.submitOne(CORRECT, id, body, context);
    }
}
