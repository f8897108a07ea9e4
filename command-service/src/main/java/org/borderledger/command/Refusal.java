package org.borderledger.command;

import java.util.List;

/**
 * A command the ledger refuses, as a named fact ({@code MarkerAlreadyCompleted}). Each subclass is one kind of
 * refusal with a stable problem type, named by its {@link ProblemType}; {@link #fields()} names the request fields at fault. Nothing is recorded.
 */
public abstract class Refusal extends RuntimeException {

    /** How a refusal answers over HTTP. */
    public enum Kind {
        /** 409: the aggregate's state does not allow it now (already completed, terminated, …). */
        CONFLICT,
        /** 422: a business rule is violated (counts, dates, parties). */
        RULE,
        /** 403: the submitter is not entitled to record it (other province, same side confirming). */
        FORBIDDEN
    }

    private final List<String> fields;

    protected Refusal(String message, String... fields) {
        super(message, null, false, false);
        this.fields = List.of(fields);
    }

    public abstract Kind kind();

    /** The stable last segment of the problem type URI, e.g. {@code marker-already-completed}, from {@link ProblemType}. */
    public String type() {
        ProblemType type = getClass().getAnnotation(ProblemType.class);
        if (type == null) {
            throw new IllegalStateException(getClass().getName() + " states no @ProblemType");
        }
        return type.value();
    }

    public List<String> fields() {
        return fields;
    }
}
