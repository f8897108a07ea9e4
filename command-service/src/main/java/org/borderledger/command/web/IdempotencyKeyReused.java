package org.borderledger.command.web;

import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** An Idempotency-Key already answered a different request: the retry must repeat the first request exactly. */
@ProblemType("idempotency-key-reused")
public class IdempotencyKeyReused extends RuleViolated {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request", "Idempotency-Key");
        arguments(key);
    }
}
