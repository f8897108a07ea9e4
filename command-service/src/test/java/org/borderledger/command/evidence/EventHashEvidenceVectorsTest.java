package org.borderledger.command.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.evidence.EventHash;
import org.junit.jupiter.api.Test;

/**
 * The service's hashing at append time ({@link HashChainingEventStorageEngine} with the service's serializer), run
 * over the events of {@code contract/vectors} that the write path records (the case opened at position 3 and the
 * recovery at 5): it stores the vectors' hashes and the link between them, so the bytes the specification hashes are
 * the ones the service hashes.
 */
class EventHashEvidenceVectorsTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path VECTORS = Path.of("..", "contract", "vectors");

    @Test
    void theStorageEngineHashesTheVectorsEventsAsTheyAreHashedThere() throws Exception {
        Map<Long, JsonNode> lines = new HashMap<>();
        for (String text : Files.readAllLines(VECTORS.resolve("export.ndjson"), UTF_8)) {
            JsonNode line = json.readTree(text);
            if (line.has("position")) {
                lines.put(line.get("position").asLong(), line);
            }
        }
        Serializer serializer = LedgerSerializer.create();
        InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();
        HashChainingEventStorageEngine engine =
                new HashChainingEventStorageEngine(stored, serializer, NoTransactionManager.INSTANCE);

        engine.appendEvents(event(
                lines.get(3L), new RepatriationCaseOpened("REP-1", "2013-2014", "KH-7", "KG-BORDER-GUARD", "VN-91")));
        engine.appendEvents(event(
                lines.get(5L),
                new RemainsRecovered(
                        "REP-1", LocalDate.of(2014, 3, 2), 12, new RecoverySite("KH-7", "Kampot", null, null))));

        List<? extends DomainEventMessage<?>> history =
                stored.readEvents("REP-1", 0).asStream().toList();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).getMetaData().get(EventHash.HASH))
                .isEqualTo(lines.get(3L).get("hash").asText());
        assertThat(history.get(1).getMetaData().get(EventHash.PREVIOUS_HASH))
                .isEqualTo(lines.get(3L).get("hash").asText());
        assertThat(history.get(1).getMetaData().get(EventHash.HASH))
                .isEqualTo(lines.get(5L).get("hash").asText());
        assertThat(json.readTree(serializer
                        .serialize(history.get(1).getPayload(), byte[].class)
                        .getData()))
                .isEqualTo(lines.get(5L).get("payload"));
    }

    /** The vector's event as the write path hands it to the store: its payload, submitter metadata, id and time. */
    private static DomainEventMessage<?> event(JsonNode line, Object payload) {
        Map<String, Object> metadata = new HashMap<>();
        for (String key : List.of("submitter", "unit", "side", "correlationid", "requestid")) {
            metadata.put(key, line.get("metadata").get(key).asText());
        }
        return new GenericDomainEventMessage<>(
                line.get("aggregateType").asText(),
                line.get("aggregateId").asText(),
                line.get("sequenceNumber").asLong(),
                payload,
                metadata,
                line.get("eventId").asText(),
                Instant.parse(line.get("recordedAt").asText()));
    }
}
