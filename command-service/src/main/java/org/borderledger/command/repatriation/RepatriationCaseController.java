package org.borderledger.command.repatriation;

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
@RequestMapping("/api/repatriation-cases")
class RepatriationCaseController implements WriteSource {

    static final Write<OpenRepatriationCaseRequest> OPEN = Write.creating(
            "OpenRepatriationCase",
            OpenRepatriationCaseRequest.class,
            body -> Ids.orGenerate(body.id(), "REP", body.seasonEndYear()));

    static final Write<RecordRemainsRecoveryRequest> RECOVER =
            Write.targeting("RecordRemainsRecovery", RecordRemainsRecoveryRequest.class);

    static final Write<RecordRepatriationRequest> REPATRIATE =
            Write.targeting("RecordRepatriation", RecordRepatriationRequest.class);

    private final Submissions submissions;

    RepatriationCaseController(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(OPEN, RECOVER, REPATRIATE);
    }

    @PostMapping
    @Operation(summary = "Open a remains search case for a season")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted open(@Valid @RequestBody OpenRepatriationCaseRequest body, SubmissionContext context) {
        return submissions.submitOne(OPEN, null, body, context);
    }

    @PostMapping("/{id}/recoveries")
    @Operation(summary = "Record remains recovered (exhumed) on a date at a site")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted recover(
            @PathVariable String id, @Valid @RequestBody RecordRemainsRecoveryRequest body, SubmissionContext context) {
        return submissions.submitOne(RECOVER, id, body, context);
    }

    @PostMapping("/{id}/repatriations")
    @Operation(summary = "Record remains repatriated through a border gate")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted repatriate(
            @PathVariable String id, @Valid @RequestBody RecordRepatriationRequest body, SubmissionContext context) {
        return submissions.submitOne(REPATRIATE, id, body, context);
    }
}
