package org.borderledger.command.web;

import java.util.function.Function;
import org.borderledger.command.Submitter;

/**
 * One kind of write, usable alone over its own path or as an item of {@code POST /api/batches}: a name (the command's
 * name, e.g. {@code RecordRemainsRecovery}), the request body it takes, and how that body becomes a command for which
 * aggregate.
 *
 * @param type the name batches use
 * @param targeted whether the write needs a target aggregate id (every write except the creating ones)
 */
public record Write<R>(String type, Class<R> body, boolean targeted, CommandFactory<R> factory) {

    /** Builds the dispatch from the validated body, the target id (null for creating writes) and the submitter. */
    @FunctionalInterface
    public interface CommandFactory<R> {
        Dispatch dispatch(String target, R body, Submitter submitter);
    }

    /** A write's request body: the command it asks of the aggregate {@code aggregateId}, by {@code submitter}. */
    public interface Request {
        Object command(String aggregateId, Submitter submitter);
    }

    /** A write that creates an aggregate, under the id {@code idOf} gives the body (given by the client or generated). */
    public static <R extends Request> Write<R> creating(String type, Class<R> body, Function<R, String> idOf) {
        return new Write<>(type, body, false, (target, request, submitter) -> {
            String id = idOf.apply(request);
            return new Dispatch(id, request.command(id, submitter));
        });
    }

    /** A write to the aggregate the request's path (or batch item) names. */
    public static <R extends Request> Write<R> targeting(String type, Class<R> body) {
        return new Write<>(
                type,
                body,
                true,
                (target, request, submitter) -> new Dispatch(target, request.command(target, submitter)));
    }
}
