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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.events.EventMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code fact_line}; a line is written once per (aggregate, sequence). */
@Repository
class FactLineRepository {

    static final String COLUMNS = "aggregate_id, sequence_number, event_position, event_type, aggregate_type,"
            + " business_date, amount, previous_amount, submitter, unit, side, province, recorded_at, payload";

    /**
     * Payloads as JSON with ISO dates and sets in sorted order: the same event gives the same line in every JVM (a
     * set's iteration order is not), so a consistency check compares a rebuild with the live lines exactly.
     */
    private static final ObjectMapper PAYLOADS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(new SortedSets()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcClient jdbc;

    FactLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(DomainEventMessage<?> message, Object event, Instant recordedAt) {
        FactSummary summary = FactSummary.of(event);
        Map<String, ?> metadata = message.getMetaData();
        return jdbc.sql("INSERT INTO fact_line (aggregate_id, sequence_number, event_position, event_id, event_type,"
                                + " aggregate_type, business_date, amount, previous_amount, submitter, unit, side,"
                                + " province, recorded_at, payload) VALUES (:aggregateId, :sequence, :position,"
                                + " :eventId, :eventType, :aggregateType, :businessDate, :amount, :previousAmount,"
                                + " :submitter, :unit, :side, :province, :recordedAt, :payload) ON CONFLICT DO NOTHING")
                        .param("aggregateId", message.getAggregateIdentifier())
                        .param("sequence", message.getSequenceNumber())
                        .param("position", LedgerRecords.positionOf(message).orElse(null))
                        .param("eventId", message.getIdentifier())
                        .param("eventType", event.getClass().getSimpleName())
                        .param("aggregateType", message.getType())
                        .param("businessDate", summary.businessDate())
                        .param("amount", summary.amount())
                        .param("previousAmount", summary.previousAmount())
                        .param("submitter", text(metadata.get(EventMetadata.SUBMITTER)))
                        .param("unit", text(metadata.get(EventMetadata.UNIT)))
                        .param("side", text(metadata.get(EventMetadata.SIDE)))
                        .param("province", text(metadata.get(EventMetadata.PROVINCE)))
                        .param("recordedAt", recordedAt == null ? null : recordedAt.atOffset(ZoneOffset.UTC))
                        .param("payload", json(event))
                        .update()
                == 1;
    }

    /** Deletes every line (a replay rebuilds them). */
    void clear() {
        jdbc.sql("DELETE FROM fact_line").update();
    }

    /** One aggregate's facts in the order they happened to it. */
    List<FactLine> timeline(String aggregateId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fact_line WHERE aggregate_id = :id"
                        + " ORDER BY sequence_number LIMIT :limit OFFSET :offset")
                .param("id", aggregateId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs))
                .list();
    }

    long count(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM fact_line WHERE aggregate_id = :id")
                .param("id", aggregateId)
                .query(Long.class)
                .single();
    }

    static FactLine read(ResultSet rs) throws SQLException {
        OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
        return new FactLine(
                rs.getString("aggregate_id"),
                rs.getLong("sequence_number"),
                rs.getObject("event_position", Long.class),
                rs.getString("event_type"),
                rs.getString("aggregate_type"),
                rs.getObject("business_date", LocalDate.class),
                rs.getObject("amount", Long.class),
                rs.getObject("previous_amount", Long.class),
                rs.getString("submitter"),
                rs.getString("unit"),
                rs.getString("side"),
                rs.getString("province"),
                recordedAt == null ? null : recordedAt.toInstant(),
                rs.getString("payload"));
    }

    private static String json(Object event) {
        try {
            return PAYLOADS.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " has no JSON form", e);
        }
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

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
