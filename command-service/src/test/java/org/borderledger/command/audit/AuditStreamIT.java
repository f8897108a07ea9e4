package org.borderledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A large store streams as NDJSON, complete and in global order, and pages through with the cursor. */
@CommandServiceIT
class AuditStreamIT {

    static final int CASES = 1000;
    static final int EVENTS_PER_CASE = 3;

    private static final ObjectMapper json = new ObjectMapper();

    private static String bulkUnit;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void streamsEveryStoredEventAsOneJsonObjectPerLineInGlobalOrder() throws Exception {
        bulkUnit();
        List<Long> stored =
                jdbc.queryForList("select global_index from domain_event_entry order by global_index", Long.class);

        HttpResponse<Stream<String>> response = ndjson("/api/audit/events");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        List<Long> streamed = new ArrayList<>();
        List<Long> sealsAfter = new ArrayList<>();
        List<JsonNode> ends = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            lines.map(AuditStreamIT::parse).forEach(line -> {
                if (line.has("seal")) {
                    sealsAfter.add(streamed.get(streamed.size() - 1));
                    assertThat(line.get("seal").get("position").asLong())
                            .isEqualTo(sealsAfter.get(sealsAfter.size() - 1));
                    assertThat(line.get("seal").get("signature").asText()).isNotBlank();
                } else if (line.has("end")) {
                    ends.add(line.get("end"));
                } else {
                    assertThat(ends).as("nothing after the end line").isEmpty();
                    streamed.add(line.get("position").asLong());
                }
            });
        }
        assertThat(ends).singleElement().satisfies(end -> {
            assertThat(end.get("eventCount").asLong()).isEqualTo(streamed.size());
            assertThat(end.get("lastPosition").asLong()).isEqualTo(streamed.get(streamed.size() - 1));
            assertThat(end.get("lastSeal").get("position").asLong()).isEqualTo(sealsAfter.get(sealsAfter.size() - 1));
        });
        assertThat(stored).hasSizeGreaterThanOrEqualTo(CASES * EVENTS_PER_CASE);
        assertThat(streamed).containsExactlyElementsOf(stored);
        assertThat(sealsAfter)
                .as("each seal (up to the last one streamed; more come as the seal catches up) right after the event at"
                        + " its position")
                .isNotEmpty()
                .containsExactlyElementsOf(jdbc.queryForList(
                        "select position from event_seal where position <= ? order by position",
                        Long.class,
                        sealsAfter.get(sealsAfter.size() - 1)));
    }

    @Test
    void streamsOnlyWhatMatchesEveryFilter() throws Exception {
        String unit = bulkUnit();

        Map<String, List<Long>> sequences = new HashMap<>();
        List<Long> positions = new ArrayList<>();
        try (Stream<String> lines = ndjson("/api/audit/events?unit=" + unit).body()) {
            lines.map(AuditStreamIT::parse).forEach(event -> {
                assertThat(event.get("metadata").get("unit").asText()).isEqualTo(unit);
                positions.add(event.get("position").asLong());
                sequences
                        .computeIfAbsent(event.get("aggregateId").asText(), id -> new ArrayList<>())
                        .add(event.get("sequenceNumber").asLong());
            });
        }
        assertThat(positions).hasSize(CASES * EVENTS_PER_CASE).isSorted();
        assertThat(sequences).hasSize(CASES).allSatisfy((id, numbers) -> assertThat(numbers)
                .containsExactly(0L, 1L, 2L));

        try (Stream<String> lines =
                ndjson("/api/audit/events?type=RemainsRepatriated&unit=" + unit).body()) {
            assertThat(lines.map(AuditStreamIT::parse)).hasSize(CASES).allSatisfy(event -> assertThat(
                            event.get("eventType").asText())
                    .isEqualTo("RemainsRepatriated"));
        }
    }

    @Test
    void pagesThroughALargeSelectionWithTheCursor() {
        String unit = bulkUnit();
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);

        List<Long> positions = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = http.get(
                            "/api/audit/events?limit=1000&unit=" + unit
                                    + (next == null ? "" : "&afterPosition=" + next),
                            Tokens.auditor())
                    .json();
            page.get("events")
                    .forEach(event -> positions.add(event.get("position").asLong()));
            pageSizes.add(page.get("events").size());
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);

        assertThat(pageSizes).containsExactly(1000, 1000, 1000);
        assertThat(positions)
                .hasSize(CASES * EVENTS_PER_CASE)
                .doesNotHaveDuplicates()
                .isSorted();
    }

    /** The unit of a few thousand events this class writes once, straight into the event store. */
    private String bulkUnit() {
        if (bulkUnit == null) {
            bulkUnit = "STREAM-" + UUID.randomUUID();
            appendCases(bulkUnit);
        }
        return bulkUnit;
    }

    /** Writes {@link #CASES} cases of three events each, a few hundred at a time. */
    private void appendCases(String unit) {
        MetaData metaData = MetaData.with(EventMetadata.SUBMITTER, "bulk-loader")
                .and(EventMetadata.UNIT, unit)
                .and(EventMetadata.SIDE, "VN")
                .and(EventMetadata.PROVINCE, "VN-47");
        String prefix = "REP-BULK-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String id = prefix + i;
            batch.add(event(id, 0, new RepatriationCaseOpened(id, "2013-2014", "KH-7", unit, "VN-47"), metaData));
            batch.add(event(
                    id,
                    1,
                    new RemainsRecovered(
                            id, LocalDate.of(2014, 3, 2), 3, new RecoverySite("KH-7", "Kampot", null, null)),
                    metaData));
            batch.add(event(
                    id,
                    2,
                    new RemainsRepatriated(id, LocalDate.of(2014, 4, 20), 3, "HA_TIEN-PREK_CHAK", unit),
                    metaData));
            if (batch.size() >= 600) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
        }
    }

    private static EventMessage<?> event(String id, long sequence, Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>("RepatriationCase", id, sequence, payload, metaData);
    }

    private HttpResponse<Stream<String>> ndjson(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + Tokens.auditor())
                .header("Accept", "application/x-ndjson")
                .timeout(Duration.ofSeconds(120))
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("Not one JSON object: " + line, e);
        }
    }
}
