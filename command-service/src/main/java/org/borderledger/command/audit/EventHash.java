package org.borderledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The hash of one stored event and the link to its predecessor (see {@link TamperEvidence}): hex SHA-256 over a
 * length-prefixed canonical form of everything the event store keeps about the event except its global position and
 * its own hash, including the hash of the aggregate's previous event.
 */
final class EventHash {

    /** Metadata key of the event's own hash. */
    static final String HASH = "hash";

    /** Metadata key of the hash of the aggregate's previous event; empty for the first event of an aggregate. */
    static final String PREVIOUS_HASH = "previoushash";

    static final Set<String> KEYS = Set.of(HASH, PREVIOUS_HASH);

    private static final String VERSION = "border-ledger/event-hash/v1";
    private static final ObjectMapper json = new ObjectMapper();

    /**
     * What the hash covers, as stored: the columns of {@code domain_event_entry} but {@code global_index}.
     *
     * @param recordedAt the {@code time_stamp} column (ISO-8601, UTC, milliseconds), as Axon writes it
     * @param payload the payload's JSON bytes exactly as stored
     * @param canonicalMetadata the metadata without {@code hash} and {@code previoushash}, as canonical JSON
     */
    record Content(
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            String eventIdentifier,
            String payloadType,
            String payloadRevision,
            String recordedAt,
            byte[] payload,
            byte[] canonicalMetadata) {}

    private EventHash() {}

    static String of(Content content, String previousHash) {
        return CanonicalDigest.of(VERSION)
                .field(content.aggregateType())
                .field(content.aggregateId())
                .field(Long.toString(content.sequenceNumber()))
                .field(content.eventIdentifier())
                .field(content.payloadType())
                .field(content.payloadRevision())
                .field(content.recordedAt())
                .field(content.payload())
                .field(content.canonicalMetadata())
                .field(previousHash)
                .hex();
    }

    /** What verification reads from stored metadata: the two hashes and the canonical rest. */
    record Stored(String hash, String previousHash, byte[] canonicalMetadata) {}

    /**
     * The hashes and the canonical rest of stored metadata JSON.
     *
     * @throws IOException when the bytes are not a JSON object
     */
    static Stored read(byte[] metadataJson) throws IOException {
        if (metadataJson == null) {
            return new Stored(null, null, null);
        }
        JsonNode metadata = json.readTree(metadataJson);
        if (!(metadata instanceof ObjectNode object)) {
            throw new IOException("Metadata is not a JSON object");
        }
        String hash = text(object.get(HASH));
        String previousHash = text(object.get(PREVIOUS_HASH));
        object.remove(KEYS);
        return new Stored(hash, previousHash, json.writeValueAsBytes(canonical(object)));
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    /**
     * The stored metadata JSON without the hash keys, with the keys of every object sorted and no whitespace; null
     * for null.
     *
     * @throws IOException when the bytes are not a JSON object
     */
    static byte[] canonicalMetadata(byte[] metadataJson) throws IOException {
        return read(metadataJson).canonicalMetadata();
    }

    /** The {@code hash} the stored metadata JSON carries, or null when it carries none or is not JSON. */
    static String storedHash(byte[] metadataJson) {
        if (metadataJson == null) {
            return null;
        }
        try {
            return text(json.readTree(metadataJson).get(HASH));
        } catch (IOException notJson) {
            return null;
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = json.createObjectNode();
            names.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = json.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }
}
