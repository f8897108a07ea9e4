package org.borderledger.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;
import org.junit.jupiter.api.Test;

/** An NDJSON stream ends at its time bound with a line that says after which position to resume. */
class EventStreamTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Instant START = Instant.parse("2024-03-25T08:00:00Z");

    /** A clock one second later at every reading. */
    private static final class Ticking extends Clock {
        private Instant now = START;

        @Override
        public Instant instant() {
            Instant reading = now;
            now = now.plusSeconds(1);
            return reading;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aStreamPastItsTimeBoundEndsWithWhereToResume() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(json, new Ticking());

        long written = stream.write(
                events(11, 12, 15, 16).iterator(),
                Collections.emptyIterator(),
                out,
                START.plusSeconds(1),
                Duration.ofMinutes(10),
                10L,
                true);

        List<JsonNode> lines = lines(out);
        assertThat(written).isEqualTo(2);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("position").asLong()).isEqualTo(11);
        assertThat(lines.get(1).get("position").asLong()).isEqualTo(12);
        JsonNode incomplete = lines.get(2).get("incomplete");
        assertThat(incomplete.get("resumeAfterPosition").asLong()).isEqualTo(12);
        assertThat(incomplete.get("reason").asText()).contains("time bound of 600 s");
    }

    @Test
    void aStreamWithinItsBoundHasNoIncompleteLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(json, new Ticking());

        stream.write(
                events(11, 12).iterator(),
                Collections.emptyIterator(),
                out,
                START.plusSeconds(60),
                Duration.ofMinutes(10),
                null,
                false);

        assertThat(lines(out)).hasSize(2).noneMatch(line -> line.has("incomplete") || line.has("end"));
    }

    @Test
    void aStreamCutBeforeItsFirstEventResumesWhereItWasAsked() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(json, new Ticking());

        stream.write(
                events(11).iterator(),
                Collections.emptyIterator(),
                out,
                START.minusSeconds(1),
                Duration.ofMinutes(10),
                10L,
                true);

        assertThat(lines(out)
                        .get(0)
                        .get("incomplete")
                        .get("resumeAfterPosition")
                        .asLong())
                .isEqualTo(10);
    }

    @Test
    void aSealFollowsTheEventAtItsPositionAndOneAtAMissingPositionComesBeforeTheNextEvent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(json, new Ticking());
        List<Seal> seals = List.of(seal(12), seal(13), seal(20));

        stream.write(
                events(11, 12, 15).iterator(), seals.iterator(), out, START.plusSeconds(60), Duration.ZERO, null, true);

        assertThat(lines(out))
                .extracting(line -> line.has("seal")
                        ? "seal " + line.get("seal").get("position")
                        : line.has("end") ? "end" : "event " + line.get("position"))
                .containsExactly("event 11", "event 12", "seal 12", "seal 13", "event 15", "seal 20", "end");
        assertThat(lines(out).get(2).get("seal").get("sealedAt").asText()).isEqualTo("2024-03-25T08:00:00.000Z");
    }

    @Test
    void anExportThatCompletesEndsWithTheLineThatStatesItsEventsAndTheSealItEndsAt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(json, new Ticking());
        Seal rooted = new Seal(12, 2, "c0ffee", START, "k1", "c2ln", "ab".repeat(32));

        stream.write(
                events(11, 12, 15).iterator(),
                List.of(rooted).iterator(),
                out,
                START.plusSeconds(60),
                Duration.ZERO,
                null,
                true);

        List<String> text = out.toString(UTF_8).lines().toList();
        assertThat(text.get(2))
                .isEqualTo("{\"seal\":{\"position\":12,\"eventsSealed\":2,\"chainHash\":\"c0ffee\",\"merkleRoot\":\""
                        + "ab".repeat(32) + "\",\"sealedAt\":\"2024-03-25T08:00:00.000Z\",\"keyId\":\"k1\","
                        + "\"signature\":\"c2ln\"}}");
        assertThat(text.get(4))
                .isEqualTo("{\"end\":{\"eventCount\":3,\"lastPosition\":15,"
                        + "\"lastSeal\":{\"position\":12,\"chainHash\":\"c0ffee\"}}}");
    }

    @Test
    void anEmptyExportEndsWithNoEventAndNoSeal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(json, new Ticking());

        stream.write(
                Collections.emptyIterator(),
                Collections.emptyIterator(),
                out,
                START.plusSeconds(60),
                Duration.ZERO,
                40L,
                true);

        assertThat(out.toString(UTF_8))
                .isEqualTo("{\"end\":{\"eventCount\":0,\"lastPosition\":null,\"lastSeal\":null}}\n");
    }

    private static Seal seal(long position) {
        return new Seal(position, position - 10, "c0ffee", START, "k1", "c2ln");
    }

    private static List<StoredEvent> events(long... positions) {
        List<StoredEvent> events = new ArrayList<>();
        for (long position : positions) {
            events.add(new StoredEvent(
                    position,
                    "event-" + position,
                    "REP-" + position,
                    "RepatriationCase",
                    0,
                    "2024-03-25T08:00:00.000Z",
                    "RepatriationCaseOpened",
                    null,
                    ("{\"caseId\":\"REP-" + position + "\"}").getBytes(UTF_8),
                    "{\"unit\":\"KG-POST\"}".getBytes(UTF_8)));
        }
        return events;
    }

    private static List<JsonNode> lines(ByteArrayOutputStream out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }
}
