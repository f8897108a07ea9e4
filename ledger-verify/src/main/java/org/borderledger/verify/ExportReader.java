package org.borderledger.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;

/**
 * Reads an NDJSON export ({@code GET /api/audit/events} with {@code Accept: application/x-ndjson}): one JSON object per
 * line, an event as the audit API shows it, a seal as {@code {"seal":{…}}} right after the event at its position, and
 * at most one last line {@code {"incomplete":{…}}} when the stream reached its time bound. A line that is none of
 * these is a break in itself ({@link Unreadable}).
 */
final class ExportReader {

    /** What one line held. */
    sealed interface Line permits EventLine, SealLine, IncompleteLine {}

    record EventLine(StoredEvent event) implements Line {}

    record SealLine(Seal seal) implements Line {}

    record IncompleteLine(String reason, Long resumeAfterPosition) implements Line {}

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

    private static final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        if (line.has("seal")) {
            return new SealLine(seal(line.get("seal")));
        }
        if (line.has("incomplete")) {
            JsonNode incomplete = line.get("incomplete");
            JsonNode resume = incomplete.get("resumeAfterPosition");
            return new IncompleteLine(
                    text(incomplete, "reason"), resume == null || resume.isNull() ? null : resume.asLong());
        }
        return new EventLine(event(line));
    }

    long lineNumber() {
        return lineNumber;
    }

    private Seal seal(JsonNode seal) throws Unreadable {
        try {
            return new Seal(
                    number(seal, "position"),
                    number(seal, "eventsSealed"),
                    required(seal, "chainHash"),
                    Instant.parse(required(seal, "sealedAt")),
                    text(seal, "keyId"),
                    text(seal, "signature"));
        } catch (DateTimeParseException e) {
            throw new Unreadable(lineNumber, "the seal's sealedAt is not an instant");
        }
    }

    private StoredEvent event(JsonNode event) throws Unreadable {
        return new StoredEvent(
                number(event, "position"),
                text(event, "eventId"),
                required(event, "aggregateId"),
                text(event, "aggregateType"),
                number(event, "sequenceNumber"),
                text(event, "recordedAt"),
                text(event, "eventType"),
                text(event, "payloadRevision"),
                bytes(event.get("payload")),
                bytes(event.get("metadata")));
    }

    /** The stored JSON again: the export shows it as JSON, and a damaged row as a string of its text. */
    private static byte[] bytes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always writes", e);
        }
    }

    private long number(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new Unreadable(lineNumber, "no whole number " + field);
        }
        return value.asLong();
    }

    private String required(JsonNode node, String field) throws Unreadable {
        String value = text(node, field);
        if (value == null) {
            throw new Unreadable(lineNumber, "no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
