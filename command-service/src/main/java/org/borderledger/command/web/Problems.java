package org.borderledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.borderledger.security.LedgerLocales;
import org.borderledger.security.LedgerRefusal;
import org.borderledger.security.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every refusal as an RFC 9457 problem with a stable {@code type} per kind and the request fields at fault, for single
 * requests (through {@link ProblemDetailsAdvice}) and for each item of a batch alike. Title, detail and the message of
 * each field are in the request's language ({@link LedgerLocales}), from the catalogues {@code i18n/command-messages}
 * under the codes {@code problemDetail.title.<type>} and {@code problemDetail.<type>}; {@code type} and {@code fields}
 * are the same in every language.
 */
@Component
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** The language of the request being answered ({@link LedgerLocales}); English outside a request. */
    static Locale locale() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? LedgerLocales.of(request.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                : LedgerLocales.ENGLISH;
    }

    /** A text of the catalogues: its {@code code}, the {@code arguments} it names and its English {@code text}. */
    public static MessageSourceResolvable text(String code, String text, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {code}, arguments, text);
    }

    public ProblemDetail of(Throwable failure) {
        if (StoreUnavailable.causes(failure)) {
            return problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "store-unavailable",
                    text(
                            "problemDetail.store-unavailable",
                            "The event store cannot be reached. Send the write again with its Idempotency-Key."),
                    List.of());
        }
        if (failure instanceof LedgerRefusal refusal) {
            return refusal.updateAndGetBody(messages, locale());
        }
        if (failure instanceof AggregateStreamCreationException) {
            return problem(
                    HttpStatus.CONFLICT,
                    "already-exists",
                    text("problemDetail.already-exists.stream", "An aggregate with this id already exists."),
                    List.of("id"));
        }
        if (failure instanceof ConcurrencyException) {
            return problem(
                    HttpStatus.CONFLICT,
                    "concurrent-modification",
                    text(
                            "problemDetail.concurrent-modification",
                            "Another write to the same aggregate was accepted first; reload and retry."),
                    List.of());
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "unknown-aggregate",
                    text(
                            "problemDetail.unknown-aggregate.write",
                            "Nothing this write applies to is recorded under id '" + notFound.getAggregateIdentifier()
                                    + "'.",
                            notFound.getAggregateIdentifier()),
                    List.of("id"));
        }
        if (failure instanceof EventStoreException && failure.getCause() != null) {
            return of(failure.getCause());
        }
        log.error("Unexpected failure while handling a write", failure);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                text("problemDetail.internal-error", "The write failed unexpectedly."),
                List.of());
    }

    public ProblemDetail invalid(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, String> fields = new TreeMap<>();
        violations.forEach(
                violation -> fields.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        return invalid(fields);
    }

    /**
     * 400: the request's shape is wrong; {@code fields} maps each offending field to what is wrong with it, as text in
     * the request's language (Bean Validation's messages) or as a message code of the catalogues.
     */
    public ProblemDetail invalid(Map<String, ?> fields) {
        Locale locale = locale();
        Map<String, String> errors = new LinkedHashMap<>();
        fields.forEach((field, error) -> errors.put(
                field,
                error instanceof MessageSourceResolvable resolvable
                        ? messages.getMessage(resolvable, locale)
                        : String.valueOf(error)));
        String names = String.join(", ", errors.keySet());
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                text("problemDetail.invalid-request", "The request is not valid: " + names, names),
                List.copyOf(errors.keySet()));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A problem of {@code type} whose detail is a text of the catalogues ({@link #text}) in the request's language. */
    public ProblemDetail problem(HttpStatus status, String type, MessageSourceResolvable detail, List<String> fields) {
        return problem(status, type, text(detail), fields);
    }

    /**
     * The same, for an answer written before Spring MVC sees the request (by a filter), in {@code request}'s language.
     */
    public ProblemDetail problem(
            HttpServletRequest request,
            HttpStatus status,
            String type,
            MessageSourceResolvable detail,
            List<String> fields) {
        Locale locale = LedgerLocales.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return problem(status, type, messages.getMessage(detail, locale), fields, locale);
    }

    /** A problem of {@code type} whose title is the catalogues' {@code problemDetail.title.<type>}, with its detail. */
    public ProblemDetail problem(HttpStatus status, String type, String detail, List<String> fields) {
        return problem(status, type, detail, fields, locale());
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail, List<String> fields, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(messages.getMessage("problemDetail.title." + type, null, LedgerRefusal.titleOf(type), locale));
        problem.setProperty("fields", fields);
        return problem;
    }

    /** A text of the catalogues ({@link #text}) in the request's language. */
    public String text(MessageSourceResolvable text) {
        return messages.getMessage(text, locale());
    }

    /** The title of a problem {@code type} in the request's language, {@code fallback} when the catalogues lack it. */
    public String title(String type, String fallback) {
        return messages.getMessage("problemDetail.title." + type, null, fallback, locale());
    }
}
