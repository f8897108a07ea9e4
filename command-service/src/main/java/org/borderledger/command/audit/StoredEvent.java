package org.borderledger.command.audit;

/** One row of {@code domain_event_entry}, as stored: the bytes the hashes cover, unparsed. */
record StoredEvent(
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
