package org.borderledger.command.evidence;

import java.util.List;
import org.borderledger.command.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The proofs' refusals as problem+json. */
@RestControllerAdvice(assignableTypes = EvidenceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvidenceProblems {

    private final Problems problems;

    EvidenceProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProofRefused.class)
    ResponseEntity<ProblemDetail> refused(ProofRefused refused) {
        ProblemDetail problem =
                problems.problem(refused.status(), refused.type(), refused.getMessage(), refused.fields());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(ProofsBusy.class)
    ResponseEntity<ProblemDetail> busy(ProofsBusy busy) {
        ProblemDetail problem =
                problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "audit-proofs-busy", busy.getMessage(), List.of());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter().toSeconds()))
                .body(problem);
    }
}
