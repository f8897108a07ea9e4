package org.borderledger.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;
import org.junit.jupiter.api.Test;

/**
 * The service's export, run over the rows of {@code contract/vectors/export.ndjson}: it writes that file byte for byte
 * (event lines with their business dates, seal lines with and without a Merkle root, unsigned ones, the end line).
 */
class ExportEvidenceVectorsTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path VECTORS = Path.of("..", "contract", "vectors");

    @Test
    void theServicesExportOfTheVectorsRowsIsTheVectorsExport() throws Exception {
        List<String> expected = Files.readAllLines(VECTORS.resolve("export.ndjson"), UTF_8);
        List<StoredEvent> events = new ArrayList<>();
        List<Seal> seals = new ArrayList<>();
        for (String text : expected) {
            JsonNode line = json.readTree(text);
            if (line.has("seal")) {
                seals.add(EvidenceJson.readSeal(line));
            } else if (!line.has("end")) {
                events.add(stored(line));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        long written = new EventStream(new ObjectMapper(), Clock.fixed(now, ZoneOffset.UTC))
                .write(
                        events.iterator(),
                        seals.iterator(),
                        out,
                        now.plusSeconds(60),
                        Duration.ofMinutes(10),
                        null,
                        true);

        assertThat(written).isEqualTo(events.size());
        assertThat(out.toString(UTF_8).lines().toList()).containsExactlyElementsOf(expected);
    }

    /** The row the line was exported from: the payload and metadata as compact JSON bytes. */
    static StoredEvent stored(JsonNode line) throws Exception {
        return new StoredEvent(
                line.get("position").asLong(),
                line.get("eventId").asText(),
                line.get("aggregateId").asText(),
                line.get("aggregateType").isNull()
                        ? null
                        : line.get("aggregateType").asText(),
                line.get("sequenceNumber").asLong(),
                line.get("recordedAt").asText(),
                line.get("eventType").asText(),
                line.get("payloadRevision").isNull()
                        ? null
                        : line.get("payloadRevision").asText(),
                json.writeValueAsBytes(line.get("payload")),
                json.writeValueAsBytes(line.get("metadata")));
    }
}
