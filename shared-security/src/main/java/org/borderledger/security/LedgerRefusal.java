package org.borderledger.security;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.NonNull;
import org.springframework.web.ErrorResponse;

/**
 * A request either service refuses, in one vocabulary: the HTTP status, the stable problem type name
 * ({@link ProblemTypes}), what it says, the request fields at fault and any headers the answer carries. Each service's
 * refusals extend it (the command side's business refusals, the query side's problems) and each service answers it
 * with {@link #toProblemDetail()}. Nothing was changed by a refused request.
 *
 * <p>Its message is the English detail. As an {@link ErrorResponse} it also names the message codes of its title
 * ({@code problemDetail.title.<type>}) and detail ({@code problemDetail.<type>}) and the detail's arguments, so that
 * {@link #updateAndGetBody(MessageSource, java.util.Locale)} answers in the reader's language from the service's
 * catalogues; an argument that is itself a {@link MessageSourceResolvable} ({@link #term}) is translated too.
 */
public abstract class LedgerRefusal extends RuntimeException implements ErrorResponse {

    private final List<String> fields;
    private Object[] arguments = {};
    private ProblemDetail body;

    protected LedgerRefusal(String detail, List<String> fields) {
        super(detail, null, false, false);
        this.fields = List.copyOf(fields);
    }

    public abstract HttpStatus status();

    /**
     * The values the detail names, in the order its message code's placeholders {@code {0}, {1}, …} take them; set once
     * by the constructor. Numbers are given as text, so that no language groups their digits.
     */
    protected final void arguments(Object... arguments) {
        this.arguments = arguments.clone();
    }

    /** A word the catalogues translate, such as a side ({@code side.VN}), with {@code text} as its fallback. */
    public static MessageSourceResolvable term(String code, String text) {
        return new DefaultMessageSourceResolvable(new String[] {code}, text);
    }

    /** The problem type's stable name, the last segment of its URI, e.g. {@code marker-already-completed}. */
    public abstract String type();

    /** The problem's title: by default its type name as words ({@code Marker already completed}). */
    public String title() {
        return titleOf(type());
    }

    /** The request fields (body fields, parameters or headers) at fault; empty when none is. */
    public List<String> fields() {
        return fields;
    }

    /** Headers the answer carries besides the body, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    @Override
    @NonNull
    public HttpStatusCode getStatusCode() {
        return status();
    }

    @Override
    @NonNull
    public HttpHeaders getHeaders() {
        return headers();
    }

    /** The body in English, created once; {@link #updateAndGetBody} translates it in place. */
    @Override
    @NonNull
    public ProblemDetail getBody() {
        if (body == null) {
            body = toProblemDetail();
        }
        return body;
    }

    @Override
    @NonNull
    public String getTitleMessageCode() {
        return "problemDetail.title." + type();
    }

    @Override
    @NonNull
    public String getDetailMessageCode() {
        return "problemDetail." + type();
    }

    @Override
    public Object[] getDetailMessageArguments() {
        return arguments.clone();
    }

    /** The RFC 9457 body: status, type, title, the message as detail, and {@code fields}. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), getMessage());
        problem.setType(ProblemTypes.uri(type()));
        problem.setTitle(title());
        problem.setProperty("fields", fields());
        return problem;
    }

    /** A type name as words: {@code store-unavailable} is {@code Store unavailable}. */
    public static String titleOf(String type) {
        String words = type.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
