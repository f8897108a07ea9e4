package org.borderledger.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.common.AxonException;
import org.borderledger.command.Refusal;
import org.borderledger.security.ProblemTypes;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure of the write API to {@code application/problem+json}; never a 200 with an error inside. Spring
 * MVC's own refusals (405, 406, 415, 404 of an unknown path, …) take their detail from the catalogues under Spring's
 * codes ({@code problemDetail.<exception class>}) and their title from {@code problemDetail.title.<type>}, in the
 * request's language like every other answer ({@link Problems}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    /**
     * Refusals, Axon's failures and the database's. The event store cannot be reached (PostgreSQL restarting, no
     * connection within the pool's timeout): 503 {@code store-unavailable}, and the same request, with its
     * {@code Idempotency-Key}, may be sent again after {@code Retry-After}; it is answered as recorded if it was.
     */
    @ExceptionHandler({Refusal.class, AxonException.class, DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException failure) {
        ProblemDetail problem = problems.of(failure);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem);
        }
        return respond(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalid(ConstraintViolationException invalid) {
        return respond(problems.invalid(invalid.getConstraintViolations()));
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput invalid) {
        return respond(problems.invalid(invalid.fields()));
    }

    @ExceptionHandler(WriteRateExceeded.class)
    ResponseEntity<ProblemDetail> tooManyWrites(WriteRateExceeded exceeded) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.retryAfterSeconds()))
                .body(problems.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-writes",
                        Problems.text(
                                "problemDetail.too-many-writes",
                                exceeded.getMessage(),
                                String.valueOf(exceeded.perSecond()),
                                String.valueOf(exceeded.retryAfterSeconds())),
                        List.of()));
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLarge tooLarge) {
        return respond(tooLargeProblem(tooLarge));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            @NonNull MethodArgumentNotValidException invalid,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        invalid.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        return new ResponseEntity<>(problems.invalid(fields), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            @NonNull HttpMessageNotReadableException unreadable,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLarge tooLarge) {
                return new ResponseEntity<>(tooLargeProblem(tooLarge), HttpStatus.PAYLOAD_TOO_LARGE);
            }
        }
        String field = unreadable.getCause() instanceof JsonMappingException mapping
                        && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(reference -> reference.getFieldName() != null
                                ? reference.getFieldName()
                                : String.valueOf(reference.getIndex()))
                        .collect(Collectors.joining("."))
                : "body";
        return new ResponseEntity<>(
                problems.invalid(Map.of(
                        field, Problems.text("field.malformed-json", "malformed JSON or a value of the wrong type"))),
                HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            @NonNull Exception failure,
            Object body,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : failure instanceof ErrorResponse spring
                        ? spring.updateAndGetBody(getMessageSource(), Problems.locale())
                        : ProblemDetail.forStatus(status);
        if (failure instanceof NoResourceFoundException missing) {
            problem.setDetail(problems.text(
                    Problems.text("problemDetail.no-resource", problem.getDetail(), missing.getResourcePath())));
        }
        String type = HttpStatus.valueOf(status.value())
                .name()
                .toLowerCase(Locale.ROOT)
                .replace('_', '-');
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(problems.title(type, problem.getTitle()));
        return new ResponseEntity<>(problem, headers, status);
    }

    private ProblemDetail tooLargeProblem(RequestTooLarge tooLarge) {
        return problems.problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "request-too-large",
                Problems.text(
                        "problemDetail.request-too-large", tooLarge.getMessage(), String.valueOf(tooLarge.limit())),
                List.of());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
