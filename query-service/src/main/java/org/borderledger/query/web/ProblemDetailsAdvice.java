package org.borderledger.query.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.borderledger.security.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the query API as {@code application/problem+json}: a stable {@code type} per kind of error
 * ({@code https://border-ledger.example/problems/<kind>}), a {@code title}, a {@code detail} and {@code fields}, the
 * request parameters at fault (empty when none is). Spring MVC's own exceptions (missing or malformed parameters,
 * unknown paths) get the same shape as the ledger's {@link LedgerProblem}s. Titles and details are in the request's
 * language ({@link WebLanguages}) from the catalogues {@code i18n/query-messages}: a problem's title under
 * {@code problemDetail.title.<type>}, Spring's own under {@code problemDetail.title.http-<status>}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(LedgerProblem.class)
    ResponseEntity<Object> handleLedgerProblem(LedgerProblem problem, WebRequest request) {
        ProblemDetail body = problem.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(problem.headers());
        return handleExceptionInternal(problem, body, headers, problem.status(), request);
    }

    /** Anything unforeseen: logged with its stack, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception exception, WebRequest request) {
        log.error("Unexpected failure answering {}", request.getDescription(false), exception);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                message(
                        "problemDetail.query-failed",
                        "The query could not be answered; the failure has been logged.",
                        (Object[]) null));
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && !(exception instanceof LedgerProblem)) {
            problem.setType(ProblemTypes.uri(kindOf(exception, status)));
            problem.setTitle(
                    message("problemDetail.title.http-" + status.value(), problem.getTitle(), (Object[]) null));
            problem.setProperty("fields", fieldsOf(exception));
            if (exception instanceof TypeMismatchException mismatch) {
                problem.setDetail(describe(mismatch));
            }
            if (exception instanceof NoResourceFoundException missing) {
                problem.setDetail(message("problemDetail.no-resource", problem.getDetail(), missing.getResourcePath()));
            }
        }
        return response;
    }

    private static String kindOf(Exception exception, HttpStatusCode status) {
        if (exception instanceof MissingServletRequestParameterException
                || exception instanceof MissingRequestHeaderException) {
            return "missing-parameter";
        }
        if (exception instanceof TypeMismatchException
                || exception instanceof HandlerMethodValidationException
                || exception instanceof MethodArgumentNotValidException) {
            return "invalid-parameter";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> fieldsOf(Exception exception) {
        if (exception instanceof MissingServletRequestParameterException missing) {
            return List.of(missing.getParameterName());
        }
        if (exception instanceof MissingRequestHeaderException missing) {
            return List.of(missing.getHeaderName());
        }
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            return List.of(mismatch.getName());
        }
        if (exception instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return List.of(mismatch.getPropertyName());
        }
        if (exception instanceof HandlerMethodValidationException invalid) {
            return invalid.getParameterValidationResults().stream()
                    .map(result -> nameOf(result.getMethodParameter()))
                    .distinct()
                    .toList();
        }
        if (exception instanceof MethodArgumentNotValidException invalid) {
            return invalid.getFieldErrors().stream()
                    .map(FieldError::getField)
                    .distinct()
                    .toList();
        }
        return List.of();
    }

    private static String nameOf(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return Objects.requireNonNullElse(parameter.getParameterName(), "arg" + parameter.getParameterIndex());
    }

    /** A text of the catalogues in the request's language; {@code text} when they lack it. */
    private String message(String code, String text, Object... arguments) {
        MessageSource messages = getMessageSource();
        return messages == null ? text : messages.getMessage(code, arguments, text, LocaleContextHolder.getLocale());
    }

    private String describe(TypeMismatchException mismatch) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : mismatch.getPropertyName();
        Class<?> type = mismatch.getRequiredType();
        String value = String.valueOf(mismatch.getValue());
        String expected;
        String code;
        Object[] arguments = {name, value, ""};
        if (type != null && type.isEnum()) {
            expected = "one of " + Arrays.toString(type.getEnumConstants());
            code = "enum";
            arguments[2] = Arrays.toString(type.getEnumConstants());
        } else if (type == LocalDate.class) {
            expected = "a date YYYY-MM-DD";
            code = "date";
        } else if (type != null && (type == int.class || type == long.class || Number.class.isAssignableFrom(type))) {
            expected = "a whole number";
            code = "number";
        } else {
            expected = "a value of type " + (type == null ? "?" : type.getSimpleName());
            code = "other";
            arguments[2] = type == null ? "?" : type.getSimpleName();
        }
        return message(
                "problemDetail.type-mismatch." + code,
                "'" + name + "' must be " + expected + ", not '" + value + "'",
                arguments);
    }
}
