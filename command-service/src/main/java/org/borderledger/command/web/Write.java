package org.borderledger.command.web;

import java.util.function.Function;
import org.borderledger.command.Submitter;

/**
 * One kind of write, submitted by its controller's {@code @PostMapping} or as an item of {@code POST /api/batches}: a
 * name (the command's name, e.g. {@code RecordRemainsRecovery}, which batch items give as their type), the request
 * record its body is read as, and how that request becomes a command for which aggregate.
 *
 * @param targeted whether the write needs a target aggregate id (every write except the creating ones)
 */
public record Write<R>(String type, Class<R> body, boolean targeted, CommandFactory<R> factory) {

    /** Builds the dispatch from the validated body, the target id (null for creating writes) and the submitter. */
    @FunctionalInterface
    public interface CommandFactory<R> {
        Dispatch dispatch(String target, R body, Submitter submitter);
    }

    /** The command a request asks of the aggregate {@code aggregateId}, by {@code submitter}. */
    @FunctionalInterface
    public interface Command<R> {
        Object of(R request, String aggregateId, Submitter submitter);
    }

    /** A write that creates an aggregate, under the id {@code idOf} gives the body (given by the client or generated). */
    public static <R> Write<R> creating(String type, Class<R> body, Function<R, String> idOf, Command<R> command) {
        return new Write<>(type, body, false, (target, request, submitter) -> {
            String id = idOf.apply(request);
            return new Dispatch(id, command.of(request, id, submitter));
        });
    }

    /** A write to the aggregate the request's path (or batch item) names. */
    public static <R> Write<R> targeting(String type, Class<R> body, Command<R> command) {
        return new Write<>(
                type,
                body,
                true,
                (target, request, submitter) -> new Dispatch(target, command.of(request, target, submitter)));
    }
}
