package org.borderledger.command.marker;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.marker.MarkerRequests.ConfirmMarkerCompletionRequest;
import org.borderledger.command.marker.MarkerRequests.PlanMarkerRequest;
import org.borderledger.command.marker.MarkerRequests.RecordMarkerRepairRequest;
import org.borderledger.command.marker.MarkerRequests.ReportMarkerCompletionRequest;
import org.borderledger.command.marker.MarkerRequests.ReportMarkerDamageRequest;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.BatchWrites;
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

/** The writes to a border marker. Ids with a slash travel URL-encoded: {@code POST /api/markers/314%2F1/confirmations}. */
@RestController
@RequestMapping("/api/markers")
class MarkerController implements BatchWrites {

    static final Write<PlanMarkerRequest> PLAN =
            Write.creating("PlanMarker", PlanMarkerRequest.class, PlanMarkerRequest::id, PlanMarkerRequest::command);

    static final Write<ReportMarkerCompletionRequest> REPORT_COMPLETION = Write.targeting(
            "ReportMarkerCompletion", ReportMarkerCompletionRequest.class, ReportMarkerCompletionRequest::command);

    static final Write<ConfirmMarkerCompletionRequest> CONFIRM = Write.targeting(
            "ConfirmMarkerCompletion", ConfirmMarkerCompletionRequest.class, ConfirmMarkerCompletionRequest::command);

    static final Write<ReportMarkerDamageRequest> REPORT_DAMAGE =
            Write.targeting("ReportMarkerDamage", ReportMarkerDamageRequest.class, ReportMarkerDamageRequest::command);

    static final Write<RecordMarkerRepairRequest> REPAIR =
            Write.targeting("RecordMarkerRepair", RecordMarkerRepairRequest.class, RecordMarkerRepairRequest::command);

    private final Submissions submissions;

    MarkerController(Submissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a border marker, main, sub or reference, to be built by one side")
    Accepted planMarker(@Valid @RequestBody PlanMarkerRequest request, SubmissionContext context) {
        return submissions.submitOne(PLAN, null, request, context);
    }

    @PostMapping("/{id}/completion-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a marker built (a unit of the responsible side)")
    Accepted reportMarkerCompletion(
            @PathVariable String id,
            @Valid @RequestBody ReportMarkerCompletionRequest request,
            SubmissionContext context) {
        return submissions.submitOne(REPORT_COMPLETION, id, request, context);
    }

    @PostMapping("/{id}/confirmations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Confirm a reported marker (a unit of the other side): only then it counts as completed")
    Accepted confirmMarkerCompletion(
            @PathVariable String id,
            @Valid @RequestBody ConfirmMarkerCompletionRequest request,
            SubmissionContext context) {
        return submissions.submitOne(CONFIRM, id, request, context);
    }

    @PostMapping("/{id}/damage-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report damage to a completed marker")
    Accepted reportMarkerDamage(
            @PathVariable String id, @Valid @RequestBody ReportMarkerDamageRequest request, SubmissionContext context) {
        return submissions.submitOne(REPORT_DAMAGE, id, request, context);
    }

    @PostMapping("/{id}/repairs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the repair of a damaged marker")
    Accepted recordMarkerRepair(
            @PathVariable String id, @Valid @RequestBody RecordMarkerRepairRequest request, SubmissionContext context) {
        return submissions.submitOne(REPAIR, id, request, context);
    }

    @Override
    public List<Write<?>> batchWrites() {
        return List.of(PLAN, REPORT_COMPLETION, CONFIRM, REPORT_DAMAGE, REPAIR);
    }
}
