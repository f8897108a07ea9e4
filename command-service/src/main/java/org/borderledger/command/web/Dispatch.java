package org.borderledger.command.web;

/** A command ready to send, and the id of the aggregate it targets. */
public record Dispatch(String aggregateId, Object command) {}
