package org.borderledger.command;

/** Base of refusals that break a business rule (422). */
public abstract class RuleViolated extends Refusal {

    protected RuleViolated(String message, String... fields) {
        super(message, fields);
    }

    @Override
    public Kind kind() {
        return Kind.RULE;
    }
}
