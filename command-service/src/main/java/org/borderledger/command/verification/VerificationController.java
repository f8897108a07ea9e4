package org.borderledger.command.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.borderledger.operations.JobAnswers;
import org.borderledger.security.LedgerPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Full verifications of the event store as jobs (ADMIN or AUDITOR). */
@RestController
@RequestMapping("/api/admin/verifications")
@Tag(name = "Admin: verifications", description = "Check the whole event store from its first event (ADMIN or AUDITOR)")
public record VerificationController(Verifications verifications, Clock clock) {

    @PostMapping
    @Operation(
            summary = "Verify every stored event and seal from the first",
            description = "Answers 202 at once; the progress and, when done, the result are at Location. One full"
                    + " verification at a time. A break it finds shows in every GET /api/audit/verify until a later"
                    + " full verification passes.")
    @ApiResponse(responseCode = "202", description = "Started; follow Location")
    @ApiResponse(responseCode = "409", description = "A full verification is running")
    ResponseEntity<VerificationView> start(LedgerPrincipal requester) {
        VerificationJob job = verifications.start(requester.subject());
        return JobAnswers.started(job.id(), VerificationView.of(job, clock.instant()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status, progress and result of a full verification")
    VerificationView one(@PathVariable String id) {
        return verifications
                .find(id)
                .map(job -> VerificationView.of(job, clock.instant()))
                .orElseThrow(() -> new UnknownVerification(id));
    }

    @GetMapping
    @Operation(summary = "The latest full verifications, newest first")
    List<VerificationView> latest() {
        return verifications.latest(JobAnswers.LATEST).stream()
                .map(job -> VerificationView.of(job, clock.instant()))
                .toList();
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Cancel a running full verification",
            description = "Answers 202; the job stops at its next progress record and shows CANCELLED")
    @ApiResponse(responseCode = "202", description = "Cancellation asked for")
    @ApiResponse(responseCode = "409", description = "It is not running")
    ResponseEntity<VerificationView> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(VerificationView.of(verifications.cancel(id), clock.instant()));
    }
}
