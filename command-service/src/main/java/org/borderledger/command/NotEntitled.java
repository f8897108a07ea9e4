package org.borderledger.command;

/** Base of refusals where the submitter may not record this fact (403). */
public abstract class NotEntitled extends Refusal {

    protected NotEntitled(String message, String... fields) {
        super(message, fields);
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }
}
