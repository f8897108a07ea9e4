package org.borderledger.query.consistency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.borderledger.operations.JobAnswers;
import org.borderledger.query.rebuild.ReadModelJobs;
import org.borderledger.query.web.UnknownId;
import org.borderledger.security.LedgerPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/consistency-checks")
@Tag(
        name = "Admin: consistency checks",
        description =
                "Rebuild the read models afresh and compare them with the live ones (started by ADMIN, read by ADMIN or AUDITOR)")
record ConsistencyCheckController(ConsistencyCheckService checks) {

    @PostMapping
    @Operation(
            summary = "Rebuild the read models from the whole history into a shadow schema and compare them with the"
                    + " live ones",
            description = "Answers 202 at once; the result is at Location: every table compared row by row at the same"
                    + " position, every difference with its table, key, column and both values. The live read models"
                    + " are not touched. One replay or consistency check at a time.")
    @ApiResponse(responseCode = "202", description = "Started; follow Location for the result")
    @ApiResponse(responseCode = "409", description = "A replay or consistency check is running (Link: its status)")
    @ApiResponse(responseCode = "403", description = "The token has not the role ADMIN (AUDITOR only reads jobs)")
    @ApiResponse(
            responseCode = "429",
            description = "The last replay or consistency check ended within the cooldown (ledger.rebuild.cooldown,"
                    + " 5 minutes by default); Retry-After says when to ask again")
    @ApiResponse(responseCode = "503", description = "The event topic cannot be read now; nothing was started")
    ResponseEntity<ConsistencyCheckView> start(LedgerPrincipal requester) {
        ReadModelJobs.requireAdmin(requester);
        CheckRecord check = checks.start(requester.subject());
        return JobAnswers.started(check.id(), ConsistencyCheckView.of(check, List.of()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status, and once completed the result, of a consistency check")
    ConsistencyCheckView one(@PathVariable String id) {
        return checks.find(id)
                .map(check -> ConsistencyCheckView.of(check, checks.differences(id)))
                .orElseThrow(() -> new UnknownId("consistency check", id));
    }

    @GetMapping
    @Operation(summary = "The latest consistency checks, newest first, without their differences")
    List<ConsistencyCheckView> latest() {
        return checks.latest(JobAnswers.LATEST).stream()
                .map(check -> ConsistencyCheckView.of(check, null))
                .toList();
    }
}
