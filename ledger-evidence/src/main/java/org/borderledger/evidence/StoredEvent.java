package org.borderledger.evidence;

/** One row of the event store, as stored: the bytes the hashes cover, unparsed. */
public record StoredEvent(
        long position,
        String eventIdentifier,
        String aggregateId,
        String aggregateType,
        long sequenceNumber,
        String recordedAt,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {}
