package org.borderledger.query.fact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.events.EventMetadata;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.borderledger.query.readmodel.ReadModelWrites.Statement;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code fact_line}: one line per event of the ledger's own event types, with its submission metadata. A line
 * already written for the same aggregate and sequence (a redelivery) changes nothing.
 */
@Component
@ProcessingGroup("projections")
class FactProjection {

    private static final String LEDGER_EVENTS = "org.borderledger.events.";

    private static final Statement LINE = Statement.anyOrder(
            "INSERT INTO fact_line (aggregate_id, sequence_number, event_position, event_id, event_type,"
                    + " aggregate_type, business_date, amount, previous_amount, submitter, unit, side, province,"
                    + " recorded_at, payload) VALUES (:aggregateId, :sequence, :position, :eventId, :eventType,"
                    + " :aggregateType, :businessDate, :amount, :previousAmount, :submitter, :unit, :side,"
                    + " :province, :recordedAt, :payload) ON CONFLICT DO NOTHING");

    /**
     * Payloads as JSON with ISO dates and sets in sorted order: the same event gives the same line in every JVM (a
     * set's iteration order is not), so a consistency check compares a rebuild with the live lines exactly.
     */
    private static final ObjectMapper PAYLOADS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(new SortedSets()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final ReadModelWrites writes;

    FactProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)
                || !event.getClass().getName().startsWith(LEDGER_EVENTS)) {
            return;
        }
        FactSummary summary = FactSummary.of(event);
        Map<String, ?> metadata = message.getMetaData();
        Map<String, Object> values = new HashMap<>();
        values.put("aggregateId", domainEvent.getAggregateIdentifier());
        values.put("sequence", domainEvent.getSequenceNumber());
        values.put("position", LedgerRecords.positionOf(message).orElse(null));
        values.put("eventId", message.getIdentifier());
        values.put("eventType", event.getClass().getSimpleName());
        values.put("aggregateType", domainEvent.getType());
        values.put("businessDate", summary.businessDate());
        values.put("amount", summary.amount());
        values.put("previousAmount", summary.previousAmount());
        values.put("submitter", text(metadata.get(EventMetadata.SUBMITTER)));
        values.put("unit", text(metadata.get(EventMetadata.UNIT)));
        values.put("side", text(metadata.get(EventMetadata.SIDE)));
        values.put("province", text(metadata.get(EventMetadata.PROVINCE)));
        values.put("recordedAt", recordedAt == null ? null : recordedAt.atOffset(ZoneOffset.UTC));
        values.put("payload", json(event));
        writes.write(LINE, values);
    }

    /** A replay starts from no lines. Runs in the transaction that resets the processor's token. */
    @ResetHandler
    void reset() {
        writes.writeNow("DELETE FROM fact_line");
    }

    private static String json(Object event) {
        try {
            return PAYLOADS.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " has no JSON form", e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A set as an array of its elements in their natural order (enums by declaration, texts alphabetically). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class SortedSets extends StdSerializer<Set> {

        SortedSets() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator json, SerializerProvider provider) throws IOException {
            List<Object> elements = new ArrayList<>(set);
            if (elements.stream().allMatch(element -> element instanceof Comparable)) {
                elements.sort((left, right) -> ((Comparable) left).compareTo(right));
            }
            provider.defaultSerializeValue(elements, json);
        }
    }
}
