package org.borderledger.codec;

/**
 * The payload of a message for a topic record that did not decode into an event: why, for the read side to park it.
 */
public record RejectedRecord(RecordRejection.Kind kind, String reason) {}
