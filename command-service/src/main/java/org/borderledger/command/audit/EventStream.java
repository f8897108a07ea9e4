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

/**
 * Writes events as NDJSON, one JSON object per line, until the stream's time bound: then one last line
 * {@code {"incomplete":{…}}} says why it ended and after which position to resume.
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
     * Writes {@code events} to {@code out} until they end or {@code deadline} passes; the events written.
     *
     * @param after the position the events follow (the query's {@code afterPosition}), or null
     */
    long write(Iterator<StoredEvent> events, OutputStream out, Instant deadline, Duration bound, Long after) {
        long written = 0;
        Long lastPosition = after;
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
                line(out, AuditedEvent.of(event));
                lastPosition = event.position();
                written++;
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(OutputStream out, Object value) throws IOException {
        lines.writeValue(out, value);
        out.write('\n');
    }
}
