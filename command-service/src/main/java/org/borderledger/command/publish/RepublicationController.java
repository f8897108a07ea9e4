package org.borderledger.command.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.operations.JobAnswers;
import org.borderledger.security.LedgerPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/admin/republications")
@Tag(name = "Admin: re-publication", description = "Publish the event store into the topic again (ADMIN)")
record RepublicationController(Republisher republisher) {

    @PostMapping
    @Operation(
            summary = "Publish the event store again into the topic, from a position",
            description = "Every event from fromPosition (default 1: the whole store) up to the highest position now,"
                    + " in global order, as the outbox writes it. The read side applies each event once, so this"
                    + " changes no read model that was right; rebuild the read models afterwards (query service,"
                    + " POST /api/admin/replays) to restore what a topic had lost. Answers 202 at once; the progress is"
                    + " at Location. One at a time.")
    @ApiResponse(responseCode = "202", description = "Started; follow Location for the progress")
    @ApiResponse(responseCode = "409", description = "A re-publication is running")
    ResponseEntity<Republication> start(
            @Valid @RequestBody(required = false) RepublicationRequest request, LedgerPrincipal requester) {
        long from = request == null ? 1 : request.from();
        Republication republication = republisher.start(from, requester.subject());
        return JobAnswers.started(republication.id(), republication);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status and progress of a re-publication")
    Republication one(@PathVariable String id) {
        return republisher
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No re-publication " + id));
    }

    @GetMapping
    @Operation(summary = "The latest re-publications, newest first")
    List<Republication> latest() {
        return republisher.latest(JobAnswers.LATEST);
    }
}
