package org.borderledger.command.verification;

import java.util.List;
import org.borderledger.command.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The full verifications' refusals as problem+json; the audit API's own answer the rest of their refusals. */
@RestControllerAdvice(assignableTypes = VerificationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VerificationProblems {

    private final Problems problems;

    VerificationProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(VerificationRunning.class)
    ResponseEntity<ProblemDetail> verificationRunning(VerificationRunning running) {
        ProblemDetail problem =
                problems.problem(HttpStatus.CONFLICT, "verification-running", running.getMessage(), List.of());
        problem.setProperty("runningId", running.runningId());
        return respond(problem);
    }

    @ExceptionHandler(VerificationFinished.class)
    ResponseEntity<ProblemDetail> verificationFinished(VerificationFinished finished) {
        return respond(problems.problem(
                HttpStatus.CONFLICT, "verification-not-running", finished.getMessage(), List.of("id")));
    }

    @ExceptionHandler(UnknownVerification.class)
    ResponseEntity<ProblemDetail> unknownVerification(UnknownVerification unknown) {
        return respond(
                problems.problem(HttpStatus.NOT_FOUND, "unknown-verification", unknown.getMessage(), List.of("id")));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
