package org.borderledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.borderledger.events.FieldLimits;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Bounds of every write that live outside its body, checked before anything else of the request is read: the
 * aggregate id in the path must be an id ({@link Ids#PATTERN}), and {@code Idempotency-Key}, {@code X-Request-Id} and
 * {@code X-Correlation-Id} are at most {@link FieldLimits#REQUEST_KEY} characters (code points) of text.
 */
class WriteLimits implements HandlerInterceptor {

    static final List<String> REQUEST_KEYS =
            List.of(SubmissionContext.IDEMPOTENCY_KEY, SubmissionContext.REQUEST_ID, SubmissionContext.CORRELATION_ID);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("id") instanceof String id
                && !Ids.valid(id)) {
            throw new InvalidInput("id", Problems.text("field.id", idProblem(), String.valueOf(FieldLimits.ID)));
        }
        for (String header : REQUEST_KEYS) {
            requireRequestKey(header, request.getHeader(header));
        }
        return true;
    }

    static String idProblem() {
        return "an id of at most " + FieldLimits.ID + " letters, digits and . / _ -, starting with a letter or digit";
    }

    static void requireRequestKey(String field, String value) {
        if (value != null && (FieldLimits.length(value) > FieldLimits.REQUEST_KEY || !FieldLimits.storable(value))) {
            throw new InvalidInput(
                    field,
                    Problems.text(
                            "field.text",
                            "at most " + FieldLimits.REQUEST_KEY + " characters, without control characters",
                            String.valueOf(FieldLimits.REQUEST_KEY)));
        }
    }
}
