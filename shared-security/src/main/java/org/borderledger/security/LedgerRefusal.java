package org.borderledger.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request either service refuses, in one vocabulary: the HTTP status, the stable problem type name
 * ({@link ProblemTypes}), what it says, the request fields at fault and any headers the answer carries. Each service's
 * refusals extend it (the command side's business refusals, the query side's problems) and each service answers it
 * with {@link #toProblemDetail()}. Nothing was changed by a refused request.
 */
public abstract class LedgerRefusal extends RuntimeException {

    private final List<String> fields;

    protected LedgerRefusal(String detail, List<String> fields) {
        super(detail, null, false, false);
        this.fields = List.copyOf(fields);
    }

    public abstract HttpStatus status();

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
