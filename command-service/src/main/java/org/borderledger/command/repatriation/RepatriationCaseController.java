package org.borderledger.command.repatriation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.repatriation.RepatriationCaseRequests.OpenRepatriationCaseRequest;
import org.borderledger.command.repatriation.RepatriationCaseRequests.RecordRemainsRecoveryRequest;
import org.borderledger.command.repatriation.RepatriationCaseRequests.RecordRepatriationRequest;
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

/** The writes to a repatriation case. */
@RestController
@RequestMapping("/api/repatriation-cases")
class RepatriationCaseController implements BatchWrites {

    static final Write<OpenRepatriationCaseRequest> OPEN = Write.creating(
            "OpenRepatriationCase",
            OpenRepatriationCaseRequest.class,
            request -> Ids.orGenerate(request.id(), "REP", request.seasonEndYear()),
            OpenRepatriationCaseRequest::command);

    static final Write<RecordRemainsRecoveryRequest> RECOVER = Write.targeting(
            "RecordRemainsRecovery", RecordRemainsRecoveryRequest.class, RecordRemainsRecoveryRequest::command);

    static final Write<RecordRepatriationRequest> REPATRIATE =
            Write.targeting("RecordRepatriation", RecordRepatriationRequest.class, RecordRepatriationRequest::command);

    private final Submissions submissions;

    RepatriationCaseController(Submissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a remains search case for a season")
    Accepted openRepatriationCase(@Valid @RequestBody OpenRepatriationCaseRequest request, SubmissionContext context) {
        return submissions.submitOne(OPEN, null, request, context);
    }

    @PostMapping("/{id}/recoveries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record remains recovered (exhumed) on a date at a site")
    Accepted recordRemainsRecovery(
            @PathVariable String id,
            @Valid @RequestBody RecordRemainsRecoveryRequest request,
            SubmissionContext context) {
        return submissions.submitOne(RECOVER, id, request, context);
    }

    @PostMapping("/{id}/repatriations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record remains repatriated through a border gate")
    Accepted recordRepatriation(
            @PathVariable String id, @Valid @RequestBody RecordRepatriationRequest request, SubmissionContext context) {
        return submissions.submitOne(REPATRIATE, id, request, context);
    }

    @Override
    public List<Write<?>> batchWrites() {
        return List.of(OPEN, RECOVER, REPATRIATE);
    }
}
