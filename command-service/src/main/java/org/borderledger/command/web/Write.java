package org.borderledger.command.web;

import org.borderledger.command.Submitter;

/**
 * One kind of write, usable alone over its own path or as an item of {@code POST /api/batches}: a name (the command's
 * name, e.g. {@code RecordRemainsRecovery}), the request body it takes, and how that body becomes a command.
 *
 * @param type the name batches use
 * @param targeted whether the write needs a target aggregate id (every write except the creating ones)
 */
public record Write<R>(String type, Class<R> body, boolean targeted, CommandFactory<R> factory) {

    /** Builds the command from the validated body, the target id (null for creating writes) and the submitter. */
    @FunctionalInterface
    public interface CommandFactory<R> {
        Dispatch dispatch(String target, R body, Submitter submitter);
    }

    public static <R> Write<R> creating(String type, Class<R> body, CommandFactory<R> factory) {
        return new Write<>(type, body, false, factory);
    }

    public static <R> Write<R> targeting(String type, Class<R> body, CommandFactory<R> factory) {
        return new Write<>(type, body, true, factory);
    }
}
