package org.borderledger.command;

import org.borderledger.events.Side;

/**
 * Who submits a command: taken from the authenticated token, never from a request body. Aggregates use it for the
 * rules of jurisdiction (a unit acts for its own province; the other side confirms a marker).
 */
public record Submitter(String subject, String unit, Side side, String province) {}
