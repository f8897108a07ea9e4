package org.borderledger.query.replay;

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
@RequestMapping("/api/admin/replays")
@Tag(
        name = "Admin: replays",
        description =
                "Rebuild the read models from the whole event history (started by ADMIN, read by ADMIN or AUDITOR)")
record ReplayController(ReplayService replays) {

    @PostMapping
    @Operation(
            summary = "Rebuild every read model from the start of the event topic",
            description = "Empties the read models and processed positions and replays the topic from offset 0 with"
                    + " the same projections; answers 202 at once, the status is at Location. Reads go on meanwhile,"
                    + " marked X-Ledger-Rebuilding: true and \"rebuilding\": true. One replay or consistency check at a"
                    + " time.")
    @ApiResponse(responseCode = "202", description = "Started; follow Location for the progress")
    @ApiResponse(responseCode = "409", description = "A replay or consistency check is running (Link: its status)")
    @ApiResponse(responseCode = "403", description = "The token has not the role ADMIN (AUDITOR only reads jobs)")
    @ApiResponse(
            responseCode = "429",
            description = "The last replay or consistency check ended within the cooldown (ledger.rebuild.cooldown,"
                    + " 5 minutes by default); Retry-After says when to ask again")
    @ApiResponse(responseCode = "503", description = "The event topic cannot be read now; nothing was started")
    ResponseEntity<ReplayView> start(LedgerPrincipal requester) {
        ReadModelJobs.requireAdmin(requester);
        ReplayRecord replay = replays.start(requester.subject());
        return JobAnswers.started(replay.id(), ReplayView.of(replay));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Status and progress of a replay",
            description = "eventsProcessed of eventsTotal (the records on the topic when it started), percent, events"
                    + " per second since the start and the estimated time left at that rate")
    ReplayView one(@PathVariable String id) {
        return replays.find(id).map(ReplayView::of).orElseThrow(() -> new UnknownId("replay", id));
    }

    @GetMapping
    @Operation(summary = "The latest replays, newest first")
    List<ReplayView> latest() {
        return replays.latest(JobAnswers.LATEST).stream().map(ReplayView::of).toList();
    }
}
