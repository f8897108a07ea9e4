package org.borderledger.command.marker;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.web.Accepted;
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

/** Marker ids with a slash travel URL-encoded: {@code POST /api/markers/314%2F1/confirmations}. */
@RestController
@RequestMapping("/api/markers")
class MarkerController implements WriteSource {

    static final Write<PlanMarkerRequest> PLAN =
            Write.creating("PlanMarker", PlanMarkerRequest.class, PlanMarkerRequest::id);

    static final Write<ReportMarkerCompletionRequest> REPORT_COMPLETION =
            Write.targeting("ReportMarkerCompletion", ReportMarkerCompletionRequest.class);

    static final Write<ConfirmMarkerCompletionRequest> CONFIRM =
            Write.targeting("ConfirmMarkerCompletion", ConfirmMarkerCompletionRequest.class);

    static final Write<ReportMarkerDamageRequest> REPORT_DAMAGE =
            Write.targeting("ReportMarkerDamage", ReportMarkerDamageRequest.class);

    static final Write<RecordMarkerRepairRequest> REPAIR =
            Write.targeting("RecordMarkerRepair", RecordMarkerRepairRequest.class);

    private final Submissions submissions;

    MarkerController(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(PLAN, REPORT_COMPLETION, CONFIRM, REPORT_DAMAGE, REPAIR);
    }

    @PostMapping
    @Operation(summary = "Plan a border marker, main, sub or reference, to be built by one side")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted plan(@Valid @RequestBody PlanMarkerRequest body, SubmissionContext context) {
        return submissions.submitOne(PLAN, null, body, context);
    }

    @PostMapping("/{id}/completion-reports")
    @Operation(summary = "Report a marker built (a unit of the responsible side)")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted reportCompletion(
            @PathVariable String id,
            @Valid @RequestBody ReportMarkerCompletionRequest body,
            SubmissionContext context) {
        return submissions.submitOne(REPORT_COMPLETION, id, body, context);
    }

    @PostMapping("/{id}/confirmations")
    @Operation(summary = "Confirm a reported marker (a unit of the other side): only then it counts as completed")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted confirm(
            @PathVariable String id,
            @Valid @RequestBody ConfirmMarkerCompletionRequest body,
            SubmissionContext context) {
        return submissions.submitOne(CONFIRM, id, body, context);
    }

    @PostMapping("/{id}/damage-reports")
    @Operation(summary = "Report damage to a completed marker")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted reportDamage(
            @PathVariable String id, @Valid @RequestBody ReportMarkerDamageRequest body, SubmissionContext context) {
        return submissions.submitOne(REPORT_DAMAGE, id, body, context);
    }

    @PostMapping("/{id}/repairs")
    @Operation(summary = "Record the repair of a damaged marker")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted repair(
            @PathVariable String id, @Valid @RequestBody RecordMarkerRepairRequest body, SubmissionContext context) {
        return submissions.submitOne(REPAIR, id, body, context);
    }
}
