package org.borderledger.command.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.borderledger.command.evidence.EvidenceController;
import org.borderledger.command.verification.VerificationController;
import org.borderledger.command.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The audit API's refusals as problem+json, with the write API's problem types where they mean the same. */
@RestControllerAdvice(assignableTypes = {AuditController.class, EvidenceController.class, VerificationController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

    private static final Logger log = LoggerFactory.getLogger(AuditProblems.class);

    private final Problems problems;

    AuditProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NothingRecorded.class)
    ResponseEntity<ProblemDetail> nothingRecorded(NothingRecorded nothing) {
        return respond(
                problems.problem(HttpStatus.NOT_FOUND, "unknown-aggregate", nothing.getMessage(), List.of("id")));
    }

    @ExceptionHandler(InvalidAuditQuery.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAuditQuery invalid) {
        return respond(problems.invalid(invalid.fields()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == Instant.class
                ? "must be an ISO-8601 instant such as 2014-08-15T00:00:00Z"
                : "has the wrong type";
        return respond(problems.invalid(Map.of(mismatch.getName(), expected)));
    }

    @ExceptionHandler(StreamsBusy.class)
    ResponseEntity<ProblemDetail> streamsBusy(StreamsBusy busy) {
        ProblemDetail problem = problems.problem(
                busy.ownShare() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE,
                "audit-streams-busy",
                busy.getMessage(),
                List.of());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter().toSeconds()))
                .body(problem);
    }

    @ExceptionHandler(AuditQueriesBusy.class)
    ResponseEntity<ProblemDetail> queriesBusy(AuditQueriesBusy busy) {
        ProblemDetail problem = problems.problem(
                busy.ownShare() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE,
                "audit-queries-busy",
                busy.getMessage(),
                List.of());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(UnreadableHistory.class)
    ResponseEntity<ProblemDetail> unreadable(UnreadableHistory unreadable) {
        log.error("A stored history cannot be read back", unreadable);
        return respond(problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "unreadable-history", unreadable.getMessage(), List.of("id")));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
