package org.borderledger.command;

import java.util.Collection;
import java.util.List;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerRefusal;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A command the ledger refuses, as a named fact ({@code MarkerAlreadyCompleted}): a {@link LedgerRefusal} whose status
 * follows from its {@link Kind} and whose stable problem type is named by its {@link ProblemType}; {@link #fields()}
 * names the request fields at fault. Nothing is recorded. Its message is the English detail; its message code
 * ({@code problemDetail.<type>}) and {@link #arguments arguments} let the web layer answer in the reader's language.
 */
public abstract class Refusal extends LedgerRefusal {

    /** How a refusal answers over HTTP. */
    public enum Kind {
        /** 409: the aggregate's state does not allow it now (already completed, terminated, …). */
        CONFLICT,
        /** 422: a business rule is violated (counts, dates, parties). */
        RULE,
        /** 403: the submitter is not entitled to record it (other province, same side confirming). */
        FORBIDDEN
    }

    protected Refusal(String message, String... fields) {
        super(message, List.of(fields));
    }

    public abstract Kind kind();

    /** Names joined as a language joins them: {@code VN-47 and KH-7}, {@code VN-47 và KH-7}, … */
    protected static Object and(Collection<String> names) {
        List<String> all = List.copyOf(names);
        if (all.size() != 2) {
            return String.join(" and ", all);
        }
        return new DefaultMessageSourceResolvable(
                new String[] {"words.and"}, all.toArray(), all.get(0) + " and " + all.get(1));
    }

    /** A side as the catalogues name it ({@code side.VN}): {@code VN} in English, Việt Nam in Vietnamese, … */
    protected static MessageSourceResolvable side(Side side) {
        return term("side." + side.name(), side.name());
    }

    @Override
    public HttpStatus status() {
        return switch (kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    /** The stable last segment of the problem type URI, e.g. {@code marker-already-completed}, from {@link ProblemType}. */
    @Override
    public String type() {
        ProblemType type = getClass().getAnnotation(ProblemType.class);
        if (type == null) {
            throw new IllegalStateException(getClass().getName() + " states no @ProblemType");
        }
        return type.value();
    }
}
