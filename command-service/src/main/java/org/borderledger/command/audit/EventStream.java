package org.borderledger.command.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;

/**
 * Writes events as NDJSON, one JSON object per line, each seal as {@code {"seal":{…}}} right after the event at its
 * position ({@code contract/evidence.md} section 8). An export (the whole store) that completes
 * ends with {@code {"end":{"eventCount":…,"lastPosition":…,"lastSeal":{…}}}}, stating the seal it ends at; a stream cut at the
 * stream's time bound ends with {@code {"incomplete":{…}}}, saying why and after which position to resume. An export of
 * the whole store is what {@code ledger-verify} and any verifier written from the specification check offline.
 */
final class EventStream {

    @Schema(description = "The last line of a stream cut at its time bound: resume with afterPosition")
    record Incomplete(String reason, Long resumeAfterPosition) {}

    record IncompleteLine(Incomplete incomplete) {}

    private final ObjectWriter lines;
    private final Clock clock;

    EventStream(ObjectMapper json, Clock clock) {
        this.lines = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.clock = clock;
    }

    /**
     * Writes {@code events}, and {@code seals} in their places, to {@code out} until the events end or
     * {@code deadline} passes; the events written.
     *
     * @param seals in order of position, none before the first event's
     * @param after the position the events follow (the query's {@code afterPosition}), or null
     * @param export whether the stream is an export of the whole store (from {@code after} on): only an export ends
     *     with an {@code end} line, which states the seal it ends at
     */
    long write(
            Iterator<StoredEvent> events,
            Iterator<Seal> seals,
            OutputStream out,
            Instant deadline,
            Duration bound,
            Long after,
            boolean export) {
        long written = 0;
        Long lastPosition = after;
        Seal lastSeal = null;
        Seal next = seals.hasNext() ? seals.next() : null;
        try {
            while (events.hasNext()) {
                if (clock.instant().isAfter(deadline)) {
                    line(
                            out,
                            new IncompleteLine(new Incomplete(
                                    "the stream reached its time bound of " + bound.toSeconds()
                                            + " s; ask again with afterPosition to go on",
                                    lastPosition)));
                    return written;
                }
                StoredEvent event = events.next();
                while (next != null && next.position() < event.position()) {
                    lastSeal = next;
                    next = seal(out, next, seals);
                }
                line(out, AuditedEvent.of(event));
                lastPosition = event.position();
                written++;
                if (next != null && next.position() == event.position()) {
                    lastSeal = next;
                    next = seal(out, next, seals);
                }
            }
            while (next != null) {
                lastSeal = next;
                next = seal(out, next, seals);
            }
            if (export) {
                line(out, EvidenceJson.endLine(written, written == 0 ? null : lastPosition, lastSeal));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Seal seal(OutputStream out, Seal seal, Iterator<Seal> seals) throws IOException {
        line(out, EvidenceJson.sealLine(seal));
        return seals.hasNext() ? seals.next() : null;
    }

    private void line(OutputStream out, Object value) throws IOException {
        lines.writeValue(out, value);
        out.write('\n');
    }
}
