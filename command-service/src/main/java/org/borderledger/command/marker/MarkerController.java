package org.borderledger.command.marker;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.SubmissionContext;
import org.borderledger.command.web.Submissions;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WriteSource;
import org.borderledger.events.GeoPoint;
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

    static final Write<PlanMarkerRequest> PLAN = Write.creating(
            "PlanMarker",
            PlanMarkerRequest.class,
            PlanMarkerRequest::id,
            (id, body, submitter) -> new PlanMarker(
                    id,
                    body.type(),
                    new GeoPoint(body.plannedLat(), body.plannedLon()),
                    body.responsibleSide(),
                    submitter));

    static final Write<ReportMarkerCompletionRequest> REPORT_COMPLETION = Write.targeting(
            "ReportMarkerCompletion",
            ReportMarkerCompletionRequest.class,
            (id, body, submitter) -> new ReportMarkerCompletion(
                    id, body.completedOn(), new GeoPoint(body.lat(), body.lon()), submitter));

    static final Write<ConfirmMarkerCompletionRequest> CONFIRM = Write.targeting(
            "ConfirmMarkerCompletion",
            ConfirmMarkerCompletionRequest.class,
            (id, body, submitter) -> new ConfirmMarkerCompletion(id, body.confirmedOn(), submitter));

    static final Write<ReportMarkerDamageRequest> REPORT_DAMAGE = Write.targeting(
            "ReportMarkerDamage",
            ReportMarkerDamageRequest.class,
            (id, body, submitter) -> new ReportMarkerDamage(id, body.damagedOn(), body.description(), submitter));

    static final Write<RecordMarkerRepairRequest> REPAIR = Write.targeting(
            "RecordMarkerRepair",
            RecordMarkerRepairRequest.class,
            (id, body, submitter) -> new RecordMarkerRepair(id, body.repairedOn(), body.description(), submitter));

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
