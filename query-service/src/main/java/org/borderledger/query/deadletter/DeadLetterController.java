package org.borderledger.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.borderledger.query.web.ListPage;
import org.borderledger.security.LedgerPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/admin/dead-letters")
@Tag(
        name = "Admin: dead letters",
        description = "Records of the event topic the read side parked, and what to do with them (ADMIN)")
class DeadLetterController {

    private final DeadLetterService service;
    private final DeadLetterRepository letters;

    DeadLetterController(DeadLetterService service, DeadLetterRepository letters) {
        this.service = service;
        this.letters = letters;
    }

    @GetMapping
    @Operation(
            summary = "Parked (or discarded) records, oldest first",
            description = "Each with the reason it was parked, where it was on the topic, its key, headers and payload"
                    + " as read. A record of an aggregate that has a parked record is parked behind it (kind"
                    + " WAITING); every other aggregate keeps flowing.")
    ListPage<DeadLetterView> list(
            @RequestParam(defaultValue = "PARKED") DeadLetter.Status status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) @Min(1) @Max(ListPage.MAX_SIZE) int size) {
        return new ListPage<>(
                letters.list(status, size, ListPage.offset(page, size)).stream()
                        .map(DeadLetterView::of)
                        .toList(),
                page,
                size,
                letters.count(status),
                -1);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter")
    DeadLetterView one(@PathVariable long id) {
        return DeadLetterView.of(service.find(id));
    }

    @PostMapping("/{id}/retry")
    @Operation(
            summary = "Retry a parked record, with the rest of its aggregate's parked records",
            description = "Decodes the kept bytes again and applies the aggregate's parked records in the order of"
                    + " their sequence, until one still fails (its reason is updated). Records that apply leave the"
                    + " queue.")
    @ApiResponse(responseCode = "404", description = "No such dead letter")
    @ApiResponse(responseCode = "409", description = "The dead letter was discarded")
    DeadLetterService.Outcome retry(@PathVariable long id) {
        return service.retry(id);
    }

    @PostMapping("/retry")
    @Operation(summary = "Retry every parked record, aggregate by aggregate")
    DeadLetterService.Outcome retryAll() {
        return service.retryAll();
    }

    @PostMapping("/{id}/discard")
    @Operation(
            summary = "Discard a parked record, with a reason that is kept",
            description = "The record is never applied, also when a replay reads it again; the records of its"
                    + " aggregate that waited behind it are retried at once.")
    @ApiResponse(responseCode = "400", description = "No reason given, or longer than 4000 characters")
    @ApiResponse(responseCode = "404", description = "No such dead letter")
    @ApiResponse(responseCode = "409", description = "The dead letter was discarded already")
    DeadLetterService.Outcome discard(
            @PathVariable long id, @Valid @RequestBody DiscardRequest request, LedgerPrincipal admin) {
        return service.discard(id, request.reason(), admin.subject());
    }
}
