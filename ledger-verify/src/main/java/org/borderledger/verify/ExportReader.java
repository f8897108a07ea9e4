package org.borderledger.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;

/**
 * Reads an NDJSON export ({@code GET /api/audit/events} with {@code Accept: application/x-ndjson}; the line kinds of
 * {@code contract/evidence.md} section 8): one JSON object per line, an event as the audit API shows it, a seal as
 * {@code {"seal":{…}}} right after the event at its position, and a last line {@code {"incomplete":{…}}} when the
 * stream reached its time bound or {@code {"end":{…}}} when it is complete. A line that is none of these is a break in
 * itself ({@link Unreadable}).
 */
final class ExportReader {

    /** What one line held. */
    sealed interface Line permits EventLine, SealLine, IncompleteLine, EndLine {}

    /** An event line: the stored event and the line as written, for its derived members. */
    record EventLine(StoredEvent event, JsonNode line) implements Line {}

    record SealLine(Seal seal) implements Line {}

    record IncompleteLine(String reason, Long resumeAfterPosition) implements Line {}

    /** The end line: the file's event count, last event position and last seal, as the file states them. */
    record EndLine(long eventCount, Long lastPosition, Long lastSealPosition, String lastSealChainHash)
            implements Line {}

    /** A line that is not a well-formed export line: where it is and what is wrong. */
    static final class Unreadable extends Exception {

        private final long lineNumber;

        Unreadable(long lineNumber, String problem) {
            super("line " + lineNumber + ": " + problem, null, false, false);
            this.lineNumber = lineNumber;
        }

        long lineNumber() {
            return lineNumber;
        }
    }

    static final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern TIMESTAMP =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");

    private static final List<String> KINDS = List.of("seal", "incomplete", "end");

    private final BufferedReader lines;
    private long lineNumber;

    ExportReader(BufferedReader lines) {
        this.lines = lines;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException, Unreadable {
        String text = lines.readLine();
        while (text != null && text.isBlank()) {
            lineNumber++;
            text = lines.readLine();
        }
        if (text == null) {
            return null;
        }
        lineNumber++;
        JsonNode line;
        try {
            line = json.readTree(text);
        } catch (JsonProcessingException notJson) {
            throw new Unreadable(lineNumber, "not JSON (" + notJson.getOriginalMessage() + ")");
        }
        if (line == null || !line.isObject()) {
            throw new Unreadable(lineNumber, "not a JSON object");
        }
        try {
            for (String kind : KINDS) {
                if (line.has(kind) && line.size() != 1) {
                    throw new IOException("a " + kind + " line holds other members");
                }
            }
            if (line.has("seal")) {
                return new SealLine(EvidenceJson.readSeal(line.get("seal")));
            }
            if (line.has("incomplete")) {
                JsonNode incomplete = object(line.get("incomplete"), "incomplete");
                JsonNode resume = incomplete.get("resumeAfterPosition");
                return new IncompleteLine(
                        text(incomplete, "reason"),
                        resume == null || resume.isNull()
                                ? null
                                : EvidenceJson.whole(incomplete, "resumeAfterPosition", 0));
            }
            if (line.has("end")) {
                return end(object(line.get("end"), "end"));
            }
            return new EventLine(event(line), line);
        } catch (IOException malformed) {
            throw new Unreadable(lineNumber, malformed.getMessage());
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    private static EndLine end(JsonNode end) throws IOException {
        long count = EvidenceJson.whole(end, "eventCount", 0);
        JsonNode last = end.get("lastPosition");
        JsonNode seal = end.get("lastSeal");
        if (last == null || seal == null) {
            throw new IOException("the end line needs eventCount, lastPosition and lastSeal");
        }
        Long lastPosition = last.isNull() ? null : EvidenceJson.whole(end, "lastPosition", 0);
        if (seal.isNull()) {
            return new EndLine(count, lastPosition, null, null);
        }
        object(seal, "lastSeal");
        String chainHash = text(seal, "chainHash");
        if (chainHash == null) {
            throw new IOException("the end line's lastSeal has no chainHash");
        }
        return new EndLine(count, lastPosition, EvidenceJson.whole(seal, "position", 0), chainHash);
    }

    /** The stored event an event line (or a proof's event) shows; an {@link IOException} naming what is malformed. */
    static StoredEvent event(JsonNode event) throws IOException {
        object(event, "event");
        for (String field : List.of("eventId", "aggregateId", "eventType")) {
            if (text(event, field) == null) {
                throw new IOException("no " + field);
            }
        }
        for (String field : List.of("aggregateType", "payloadRevision", "hash")) {
            JsonNode value = event.get(field);
            if (value == null || !(value.isNull() || value.isTextual())) {
                throw new IOException(field + " is not a string or null");
            }
        }
        String recordedAt = text(event, "recordedAt");
        if (recordedAt == null || !TIMESTAMP.matcher(recordedAt).matches()) {
            throw new IOException("recordedAt is not of the form YYYY-MM-DDTHH:MM:SS.mmmZ");
        }
        JsonNode businessDate = event.get("businessDate");
        if (businessDate != null && !(businessDate.isNull() || businessDate.isTextual())) {
            throw new IOException("businessDate is not a string or null");
        }
        return new StoredEvent(
                EvidenceJson.whole(event, "position", 0),
                text(event, "eventId"),
                text(event, "aggregateId"),
                text(event, "aggregateType"),
                EvidenceJson.whole(event, "sequenceNumber", 0),
                recordedAt,
                text(event, "eventType"),
                text(event, "payloadRevision"),
                json.writeValueAsBytes(object(event.get("payload"), "payload")),
                json.writeValueAsBytes(object(event.get("metadata"), "metadata")));
    }

    private static JsonNode object(JsonNode node, String what) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException(what + " is not a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
