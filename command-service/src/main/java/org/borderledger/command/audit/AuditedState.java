package org.borderledger.command.audit;

import java.util.List;
import java.util.Optional;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/**
 * An aggregate's state as an auditor reads it, rebuilt from its events alone: one small pure fold per aggregate type.
 * The first event creates the state, every later one returns the next state. An event that does not belong to the
 * aggregate is a damaged history and is refused, never skipped.
 */
sealed interface AuditedState permits AgreementState, CaseState, MarkerState, IndicatorState {

    /** The state after {@code event}. */
    AuditedState apply(Object event);

    /** The state the aggregate's first event creates. */
    static AuditedState of(Object first) {
        if (first instanceof AgreementSigned signed) {
            return AgreementState.signed(signed);
        }
        if (first instanceof RepatriationCaseOpened opened) {
            return CaseState.opened(opened);
        }
        if (first instanceof MarkerPlanned planned) {
            return MarkerState.planned(planned);
        }
        if (first instanceof IndicatorReported reported) {
            return IndicatorState.reported(reported);
        }
        throw new UnexpectedEvent("no aggregate", first);
    }

    /** The state after {@code events} in order, or empty for no events. */
    static Optional<AuditedState> fold(List<?> events) {
        AuditedState state = null;
        for (Object event : events) {
            state = state == null ? of(event) : state.apply(event);
        }
        return Optional.ofNullable(state);
    }

    /** An event that cannot follow the events before it. */
    final class UnexpectedEvent extends IllegalArgumentException {

        UnexpectedEvent(String state, Object event) {
            super("A " + (event == null ? "null" : event.getClass().getSimpleName()) + " cannot change " + state);
        }
    }
}
