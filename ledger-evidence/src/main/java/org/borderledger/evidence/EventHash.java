package org.borderledger.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * The hash of one stored event and its link to the aggregate's previous event. The metadata key
 * {@value #VERSION} names the version an event was hashed with, so a store written with an older version keeps
 * verifying: each event is checked by its own version.
 *
 * <ul>
 *   <li><b>Version 2</b> (current, {@code "hashversion":"2"}): lowercase hex SHA-256 of the UTF-8 bytes of the RFC 8785
 *       canonical form ({@link Jcs}) of the object {@code {"version":"border-ledger/event-hash/v2", "aggregateType",
 *       "aggregateId", "sequenceNumber" (a number), "eventId", "payloadType", "payloadRevision" (or null),
 *       "recordedAt" (the stored text), "payload" (the stored JSON), "metadata" (the stored JSON object without
 *       {@code hash} and {@code previoushash}), "previousHash"}}. It is defined over the event as stored, its
 *       revision included, never over an upcast form; another language reproduces it from an export line with any JCS
 *       library.
 *   <li><b>Version 1</b> (no {@value #VERSION} key): SHA-256 over length-prefixed fields ({@link CanonicalDigest}):
 *       {@code border-ledger/event-hash/v1}, aggregate type, aggregate id, sequence number, event id, payload type,
 *       payload revision, recorded time, the payload bytes as stored, the metadata without the two hash keys as
 *       Jackson writes it with sorted keys, and the previous hash.
 * </ul>
 */
public final class EventHash {

    /** Metadata key of the event's own hash. */
    public static final String HASH = "hash";

    /** Metadata key of the hash of the aggregate's previous event; empty for the first event of an aggregate. */
    public static final String PREVIOUS_HASH = "previoushash";

    /** Metadata key of the version the event was hashed with; absent for version 1. */
    public static final String VERSION = "hashversion";

    /** The metadata keys the hash itself leaves out. */
    public static final Set<String> KEYS = Set.of(HASH, PREVIOUS_HASH);

    /** The version new events are hashed with. */
    public static final int CURRENT = 2;

    private static final String V1 = "border-ledger/event-hash/v1";
    private static final String V2 = "border-ledger/event-hash/v2";
    private static final ObjectMapper json = new ObjectMapper();

    private EventHash() {}

    /**
     * What the hash covers: the columns of the event table but the global position.
     *
     * @param recordedAt the stored time stamp text (ISO-8601, UTC, milliseconds)
     * @param payload the payload's JSON bytes as stored
     * @param metadata the stored metadata JSON without {@code hash} and {@code previoushash}
     */
    public record Content(
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            String eventIdentifier,
            String payloadType,
            String payloadRevision,
            String recordedAt,
            byte[] payload,
            ObjectNode metadata) {}

    /** What verification reads from stored metadata: the two hashes, the version and the rest. */
    public record Stored(String hash, String previousHash, String version, ObjectNode rest) {

        /** The version number, 1 when none is named; -1 when the named one is not a known version. */
        public int versionNumber() {
            if (version == null) {
                return 1;
            }
            return String.valueOf(CURRENT).equals(version) ? CURRENT : -1;
        }
    }

    /**
     * The hash of {@code content} in the given version.
     *
     * @throws IOException when the payload is not JSON (version 2 canonicalises it)
     */
    public static String of(int version, Content content, String previousHash) throws IOException {
        return switch (version) {
            case 1 -> v1(content, previousHash);
            case 2 -> v2(content, previousHash);
            default -> throw new IOException("Unknown hash version " + version);
        };
    }

    private static String v1(Content content, String previousHash) throws JsonProcessingException {
        return CanonicalDigest.of(V1)
                .field(content.aggregateType())
                .field(content.aggregateId())
                .field(Long.toString(content.sequenceNumber()))
                .field(content.eventIdentifier())
                .field(content.payloadType())
                .field(content.payloadRevision())
                .field(content.recordedAt())
                .field(content.payload())
                .field(content.metadata() == null ? null : json.writeValueAsBytes(sorted(content.metadata())))
                .field(previousHash)
                .hex();
    }

    private static String v2(Content content, String previousHash) throws IOException {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("version", V2);
        envelope.put("aggregateType", content.aggregateType());
        envelope.put("aggregateId", content.aggregateId());
        envelope.put("sequenceNumber", content.sequenceNumber());
        envelope.put("eventId", content.eventIdentifier());
        envelope.put("payloadType", content.payloadType());
        envelope.put("payloadRevision", content.payloadRevision());
        envelope.put("recordedAt", content.recordedAt());
        envelope.set("payload", content.payload() == null ? null : json.readTree(content.payload()));
        envelope.set("metadata", content.metadata());
        envelope.put("previousHash", previousHash);
        return Sha256.hex(Jcs.canonicalize(json.writeValueAsString(envelope)));
    }

    /**
     * The hashes, version and the rest of stored metadata JSON; all null for null.
     *
     * @throws IOException when the bytes are not a JSON object
     */
    public static Stored read(byte[] metadataJson) throws IOException {
        if (metadataJson == null) {
            return new Stored(null, null, null, null);
        }
        JsonNode metadata = json.readTree(metadataJson);
        if (!(metadata instanceof ObjectNode object)) {
            throw new IOException("Metadata is not a JSON object");
        }
        String hash = text(object.get(HASH));
        String previousHash = text(object.get(PREVIOUS_HASH));
        JsonNode version = object.get(VERSION);
        object.remove(KEYS);
        return new Stored(hash, previousHash, version == null ? null : version.asText(), object);
    }

    /**
     * Recomputes the hash of a stored event by the version its metadata names; null when it cannot be computed (no
     * metadata, an unknown version, a payload that is not JSON).
     */
    public static String recompute(StoredEvent event, Stored stored) {
        try {
            return of(
                    stored.versionNumber(),
                    new Content(
                            event.aggregateType(),
                            event.aggregateId(),
                            event.sequenceNumber(),
                            event.eventIdentifier(),
                            event.payloadType(),
                            event.payloadRevision(),
                            event.recordedAt(),
                            event.payload(),
                            stored.rest()),
                    stored.previousHash());
        } catch (IOException cannot) {
            return null;
        }
    }

    /** The {@code hash} the stored metadata JSON carries, or null when it carries none or is not JSON. */
    public static String storedHash(byte[] metadataJson) {
        if (metadataJson == null) {
            return null;
        }
        try {
            return text(json.readTree(metadataJson).get(HASH));
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    /** Version 1's metadata form: the keys of every object sorted, no whitespace. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = json.createObjectNode();
            names.forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = json.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }
}
