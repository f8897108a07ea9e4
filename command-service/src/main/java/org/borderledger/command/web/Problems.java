package org.borderledger.command.web;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.borderledger.security.LedgerRefusal;
import org.borderledger.security.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Every refusal as an RFC 9457 problem with a stable {@code type} per kind and the request fields at fault, for single
 * requests (through {@link ProblemDetailsAdvice}) and for each item of a batch alike.
 */
@Component
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    public ProblemDetail of(Throwable failure) {
        if (StoreUnavailable.causes(failure)) {
            return problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "store-unavailable",
                    "The event store cannot be reached. Send the write again with its Idempotency-Key.",
                    List.of());
        }
        if (failure instanceof LedgerRefusal refusal) {
            return refusal.toProblemDetail();
        }
        if (failure instanceof AggregateStreamCreationException) {
            return problem(
                    HttpStatus.CONFLICT, "already-exists", "An aggregate with this id already exists.", List.of("id"));
        }
        if (failure instanceof ConcurrencyException) {
            return problem(
                    HttpStatus.CONFLICT,
                    "concurrent-modification",
                    "Another write to the same aggregate was accepted first; reload and retry.",
                    List.of());
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "unknown-aggregate",
                    "Nothing this write applies to is recorded under id '" + notFound.getAggregateIdentifier() + "'.",
                    List.of("id"));
        }
        if (failure instanceof EventStoreException && failure.getCause() != null) {
            return of(failure.getCause());
        }
        log.error("Unexpected failure while handling a write", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The write failed unexpectedly.", List.of());
    }

    public ProblemDetail invalid(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, String> fields = new TreeMap<>();
        violations.forEach(
                violation -> fields.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        return invalid(fields);
    }

    /** 400: the request's shape is wrong; {@code fields} maps each offending field to what is wrong with it. */
    public ProblemDetail invalid(Map<String, String> fields) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "The request is not valid: " + String.join(", ", fields.keySet()),
                List.copyOf(fields.keySet()));
        problem.setProperty("errors", fields);
        return problem;
    }

    public ProblemDetail problem(HttpStatus status, String type, String detail, List<String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(LedgerRefusal.titleOf(type));
        problem.setProperty("fields", fields);
        return problem;
    }
}
