package org.borderledger.command.web;

/** The answer to an accepted write: the aggregate's id and the global position of the last event it appended. */
public record Accepted(String id, long position) {}
