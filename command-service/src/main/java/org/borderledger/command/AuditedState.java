package org.borderledger.command;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An aggregate's state as an auditor reads it, rebuilt from its events alone: one small pure fold per aggregate type,
 * kept next to the aggregate whose rules made those events. The first event creates the state, every later one
 * returns the next state. An event that does not belong to the aggregate is a damaged history and is refused, never
 * skipped.
 */
public interface AuditedState {

    /** The state after {@code event}; {@link UnexpectedEvent} for an event that cannot follow. */
    AuditedState apply(Object event);

    /**
     * The state after {@code events} in order, the first of which {@code begin} turns into a state (or refuses with
     * {@link UnexpectedEvent}); empty for no events.
     */
    static Optional<AuditedState> fold(Function<Object, ? extends AuditedState> begin, List<?> events) {
        AuditedState state = null;
        for (Object event : events) {
            state = state == null ? begin.apply(event) : state.apply(event);
        }
        return Optional.ofNullable(state);
    }

    /** An event that cannot follow the events before it. */
    final class UnexpectedEvent extends IllegalArgumentException {

        public UnexpectedEvent(String state, Object event) {
            super("A " + (event == null ? "null" : event.getClass().getSimpleName()) + " cannot change " + state);
        }
    }
}
