package org.borderledger.command;

/** Base of refusals caused by the aggregate's current state (409). */
public abstract class StateConflict extends Refusal {

    protected StateConflict(String message, String... fields) {
        super(message, fields);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
