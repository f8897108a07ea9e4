package org.borderledger.command.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The bodies of {@code GET /api/audit/events}: a page written as JSON, or every matching event streamed as NDJSON
 * ({@link EventStream}) within a stream slot ({@link StreamSlots}) and the stream's time bound
 * ({@code ledger.audit.stream.max-duration}).
 */
@Component
class EventExport {

    private final EventLogRepository log;
    private final StreamSlots streams;
    private final EventStream stream;
    private final Duration bound;
    private final ObjectWriter json;

    EventExport(
            EventLogRepository log, StreamSlots streams, AuditProperties properties, ObjectMapper json, Clock clock) {
        this.log = log;
        this.streams = streams;
        this.stream = new EventStream(json, clock);
        this.bound = properties.stream().maxDuration();
        this.json = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Every match as NDJSON; takes a stream slot of {@code subject} now, {@link StreamsBusy} when none is free. */
    StreamingResponseBody ndjson(EventQuery query, String subject) {
        StreamSlots.Slot slot = streams.take(subject);
        return out -> {
            try (slot) {
                log.stream(
                        query,
                        (events, seals) -> stream.write(
                                events.iterator(),
                                seals,
                                out,
                                slot.deadline(),
                                bound,
                                query.afterPosition(),
                                query.wholeStore()));
            }
        };
    }

    StreamingResponseBody json(Object body) {
        return out -> json.writeValue(out, body);
    }
}
