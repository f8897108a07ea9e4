package org.borderledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.borderledger.events.EventMetadata;
import org.borderledger.evidence.BusinessDate;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.StoredEvent;

/**
 * One stored event as an auditor sees it: where it stands in the global order and in its aggregate, when it was
 * recorded, its business date, its full payload and all of its metadata (who submitted it, under which request), and
 * its hash.
 */
@Schema(description = "One stored event with everything the ledger keeps about it")
public record AuditedEvent(
        @Schema(description = "Position in the global event order") long position,
        @Schema(description = "The event's own id") String eventId,
        String aggregateId,
        @Schema(example = "BorderMarker") String aggregateType,
        @Schema(description = "Position in the aggregate's own history, from 0") long sequenceNumber,
        @Schema(example = "MarkerCompleted") String eventType,
        @Schema(description = "The revision the payload was stored in, null for the first", nullable = true)
                String payloadRevision,
        @Schema(description = "When the ledger recorded it (UTC)", format = "date-time") String recordedAt,
        @Schema(
                        description = "The date the fact happened: the value of the payload's one top-level field"
                                + " whose name ends in 'On', when there is exactly one and it is a string; else null",
                        format = "date",
                        nullable = true)
                String businessDate,
        @Schema(description = "The event as stored (JSON)") JsonNode payload,
        @Schema(
                        description = "All metadata: submitter, unit, side, province, correlationid, requestid,"
                                + " idempotencykey, hash, previoushash, hashversion")
                JsonNode metadata,
        @Schema(description = "SHA-256 of the event, chained to its aggregate's previous event", nullable = true)
                String hash) {

    private static final ObjectMapper json = new ObjectMapper();

    public static AuditedEvent of(StoredEvent event) {
        JsonNode payload = parse(event.payload());
        JsonNode metadata = parse(event.metaData());
        JsonNode hash = metadata.get(EventHash.HASH);
        return new AuditedEvent(
                event.position(),
                event.eventIdentifier(),
                event.aggregateId(),
                event.aggregateType(),
                event.sequenceNumber(),
                event.payloadType(),
                event.payloadRevision(),
                event.recordedAt(),
                BusinessDate.of(payload),
                payload,
                metadata,
                hash == null ? null : hash.asText());
    }

    /** The submitting unit in the metadata JSON, or null. */
    static String unitOf(byte[] metadata) {
        JsonNode unit = parse(metadata).get(EventMetadata.UNIT);
        return unit == null ? null : unit.asText();
    }

    /** The stored JSON; bytes that are not JSON (a damaged row) show as text rather than hide the event. */
    private static JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
