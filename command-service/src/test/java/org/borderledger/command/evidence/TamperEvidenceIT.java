package org.borderledger.command.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.command.audit.EventLogRepository;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealSignatures;
import org.borderledger.evidence.StoredEvent;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each way of tampering with the event table in SQL shows in {@code /api/audit/verify}, at the right place. Every test
 * tampers only once the seal has passed its events, and puts the rows back exactly as they were (the store is shared
 * by every integration test), then checks that the store verifies again.
 */
@CommandServiceIT
class TamperEvidenceIT {

    private static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventLogRepository eventLog;

    @Autowired
    EventSealRepository seals;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void aStoreNobodyTamperedWithVerifies() {
        List<Long> positions = caseWithThreeEvents();
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));

        JsonNode verification = verify();

        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("firstBroken").isNull()).isTrue();
        assertThat(verification.get("eventsChecked").asLong())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where global_index > ?",
                        Long.class,
                        verification.get("checkedAfter").asLong()));
        assertThat(verification.get("sealsChecked").asLong()).isPositive();
        JsonNode lastSeal = verification.get("lastSeal");
        assertThat(lastSeal.get("position").asLong()).isGreaterThanOrEqualTo(positions.get(2));
        assertThat(lastSeal.get("chainHash").asText())
                .isEqualTo(jdbc.queryForObject(
                        "select chain_hash from event_seal where position = ?",
                        String.class,
                        lastSeal.get("position").asLong()));
    }

    @Test
    void aChangedPayloadByteShowsAtItsEvent() {
        String id = "REP-TAMPER-" + unique();
        List<Long> positions = caseWithThreeEvents(id);
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        long altered = positions.get(1);
        byte[] original = payload(altered);

        jdbc.update(
                "update domain_event_entry set payload = overlay(payload placing 'X'::bytea from 10 for 1)"
                        + " where global_index = ?",
                altered);
        try {
            assertThat(payload(altered)).isNotEqualTo(original);
            assertBroken(verify(), altered, id, "payload or metadata altered");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, altered);
        }
        assertValid();
    }

    @Test
    void aDeletedEventInsideAnAggregateShowsAtTheNextOne() {
        String id = "REP-TAMPER-" + unique();
        List<Long> positions = caseAppendedAtOnce(id);
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        Map<String, Object> deleted = row(positions.get(1));
        Long sealBetween = firstSealIn(positions.get(1), positions.get(2) - 1);

        jdbc.update("delete from domain_event_entry where global_index = ?", positions.get(1));
        try {
            if (sealBetween == null) {
                assertBroken(verify(), positions.get(2), id, "event missing before sequence 2");
            } else {
                assertSealBroken(verify(), sealBetween);
            }
        } finally {
            reinsert(deleted);
        }
        assertValid();
    }

    @Test
    void aDeletedLastEventShowsAtTheSealAfterIt() {
        String id = "REP-TAMPER-" + unique();
        List<Long> positions = caseWithThreeEvents(id);
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        Map<String, Object> deleted = row(positions.get(2));
        long seal = firstSealIn(positions.get(2), Long.MAX_VALUE);
        caseWithThreeEvents(); // so that the store goes on after the seal

        jdbc.update("delete from domain_event_entry where global_index = ?", positions.get(2));
        try {
            JsonNode verification = verify();
            assertSealBroken(verification, seal);
            assertThat(verification.get("firstBroken").get("reason").asText())
                    .startsWith("global seal mismatch at position " + seal + ": events deleted or reordered before it");
        } finally {
            reinsert(deleted);
        }
        assertValid();
    }

    @Test
    void twoEventsSwappingGlobalPositionsShowAtTheSealAfterThem() {
        List<Long> first = caseWithThreeEvents();
        List<Long> second = caseWithThreeEvents();
        Seals.awaitSealed(jdbc, eventStore, second.get(2));
        long earlier = first.get(2);
        long later = second.get(0);
        long seal = firstSealIn(earlier, Long.MAX_VALUE);

        swap(earlier, later);
        try {
            assertSealBroken(verify(), seal);
        } finally {
            swap(earlier, later);
        }
        assertValid();
    }

    @Test
    void aForgedEventWithARecomputedHashBreaksTheLinkOfTheNextOne() throws Exception {
        String id = "REP-TAMPER-" + unique();
        List<Long> positions = caseAppendedAtOnce(id);
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        long forged = positions.get(1);
        Map<String, Object> original = row(forged);
        Long sealBetween = firstSealIn(forged, positions.get(2) - 1);

        byte[] payload = new String((byte[]) original.get("payload"), UTF_8)
                .replace("\"count\":12", "\"count\":112")
                .getBytes(UTF_8);
        ObjectNode metaData = (ObjectNode) json.readTree((byte[]) original.get("meta_data"));
        StoredEvent changed = new StoredEvent(
                forged,
                (String) original.get("event_identifier"),
                id,
                (String) original.get("type"),
                1,
                (String) original.get("time_stamp"),
                (String) original.get("payload_type"),
                (String) original.get("payload_revision"),
                payload,
                (byte[]) original.get("meta_data"));
        String rehashed = EventHash.recompute(changed, EventHash.read(changed.metaData()));
        metaData.put(EventHash.HASH, rehashed);
        jdbc.update(
                "update domain_event_entry set payload = ?, meta_data = ? where global_index = ?",
                payload,
                json.writeValueAsBytes(metaData),
                forged);
        try {
            JsonNode verification = verify();
            if (sealBetween == null) {
                assertBroken(verification, positions.get(2), id, "previous-hash link broken");
            } else {
                assertSealBroken(verification, sealBetween);
            }
        } finally {
            jdbc.update(
                    "update domain_event_entry set payload = ?, meta_data = ? where global_index = ?",
                    original.get("payload"),
                    original.get("meta_data"),
                    forged);
        }
        assertValid();
    }

    @Test
    void aStoreWhoseSealedTailWasDeletedSaysWhereItNowEnds() {
        List<Long> positions = caseWithThreeEvents();
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        long from = positions.get(1);
        List<Map<String, Object>> tail = rowsFrom(from);
        long end = jdbc.queryForObject(
                "select coalesce(max(global_index), 0) from domain_event_entry where global_index < ?",
                Long.class,
                from);
        long seal = firstSealIn(from, Long.MAX_VALUE);

        jdbc.update("delete from domain_event_entry where global_index >= ?", from);
        try {
            JsonNode verification = verify();
            assertThat(verification.get("valid").asBoolean())
                    .as(verification.toString())
                    .isFalse();
            JsonNode broken = verification.get("firstBroken");
            assertThat(broken.get("position").asLong())
                    .as(verification.toString())
                    .isEqualTo(seal);
            assertThat(broken.get("reason").asText())
                    .isEqualTo("store ends at position " + end + " but position " + seal
                            + " was sealed: the events after it were deleted or lost");
        } finally {
            tail.forEach(this::reinsert);
        }
        assertValid();
    }

    @Test
    void aStoreWhoseTailAndSealsWereDeletedSaysWhatWasPublished() {
        List<Long> positions = caseWithThreeEvents();
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        awaitPublished(positions.get(2));
        long from = positions.get(0);
        List<Map<String, Object>> tail = rowsFrom(from);
        List<Seal> sealsAfter = jdbc.query(
                "select " + EventSealRepository.SEAL_COLUMNS + " from event_seal where position >= ? order by position",
                EventSealRepository.SEAL,
                from);
        long end = jdbc.queryForObject(
                "select coalesce(max(global_index), 0) from domain_event_entry where global_index < ?",
                Long.class,
                from);

        jdbc.update("delete from event_seal where position >= ?", from);
        jdbc.update("delete from domain_event_entry where global_index >= ?", from);
        try {
            JsonNode verification = verify();
            assertThat(verification.get("valid").asBoolean())
                    .as(verification.toString())
                    .isFalse();
            JsonNode broken = verification.get("firstBroken");
            long published = broken.get("position").asLong();
            assertThat(published).as(verification.toString()).isGreaterThanOrEqualTo(positions.get(2));
            assertThat(broken.get("reason").asText())
                    .isEqualTo("store ends at position " + end + " but position " + published
                            + " was published: the events after it were deleted or lost");
        } finally {
            tail.forEach(this::reinsert);
            sealsAfter.forEach(seal -> seals.insert(seal, null)); // the next seal rebuilds the tree's edge
        }
        assertValid();
    }

    private List<Map<String, Object>> rowsFrom(long position) {
        return jdbc.queryForList(
                "select * from domain_event_entry where global_index >= ? order by global_index", position);
    }

    private void awaitPublished(long position) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (eventLog.publishedPosition().orElse(0) < position) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The publisher did not reach position " + position + " within 60 s");
            }
            sleep(100);
        }
    }

    private JsonNode verify() {
        LedgerHttp.Response response = http.get("/api/audit/verify", Tokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void assertValid() {
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean())
                .as("after restoring: " + verification)
                .isTrue();
    }

    private static void assertBroken(JsonNode verification, long position, String aggregateId, String reason) {
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isFalse();
        JsonNode broken = verification.get("firstBroken");
        assertThat(broken.get("position").asLong()).as(verification.toString()).isEqualTo(position);
        assertThat(broken.get("aggregateId").asText()).isEqualTo(aggregateId);
        assertThat(broken.get("reason").asText()).isEqualTo(reason);
    }

    @Test
    void aSealReSignedWithAnotherKeyShows() {
        List<Long> positions = caseWithThreeEvents();
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        long position = firstSealIn(positions.get(2), Long.MAX_VALUE);
        Seal seal = seals.at(position).orElseThrow();
        KeyPair other = SealSignatures.generate();
        Seal forged = SealSignatures.sign(
                new Seal(seal.position(), seal.eventsSealed(), seal.chainHash(), seal.sealedAt(), null, null), other);

        jdbc.update(
                "update event_seal set key_id = ?, signature = ? where position = ?",
                forged.keyId(),
                forged.signature(),
                position);
        try {
            JsonNode verification = verify();
            assertThat(verification.get("valid").asBoolean())
                    .as(verification.toString())
                    .isFalse();
            assertThat(verification.get("firstBroken").get("reason").asText())
                    .isEqualTo("seal at position " + position + " is signed with unknown key " + forged.keyId());
        } finally {
            jdbc.update(
                    "update event_seal set key_id = ?, signature = ? where position = ?",
                    seal.keyId(),
                    seal.signature(),
                    position);
        }
        assertValid();
    }

    private static void assertSealBroken(JsonNode verification, long seal) {
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isFalse();
        JsonNode broken = verification.get("firstBroken");
        assertThat(broken.get("position").asLong()).as(verification.toString()).isEqualTo(seal);
        assertThat(broken.get("aggregateId").isNull()).isTrue();
        assertThat(broken.get("reason").asText())
                .startsWith("global seal mismatch at position " + seal + ": events deleted or reordered before it");
    }

    private List<Long> caseWithThreeEvents() {
        return caseWithThreeEvents("REP-TAMPER-" + unique());
    }

    /** Opens a case and records two recoveries over the write API: three events in three transactions. */
    private List<Long> caseWithThreeEvents(String id) {
        List<Long> positions = new ArrayList<>();
        positions.add(write(
                "/api/repatriation-cases",
                "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}"));
        for (int count : new int[] {12, 5}) {
            positions.add(write(
                    "/api/repatriation-cases/" + id + "/recoveries",
                    "{\"recoveredOn\":\"2014-03-02\",\"count\":" + count
                            + ",\"site\":{\"province\":\"KH-7\",\"district\":\"Kampong Trach\"}}"));
        }
        return positions;
    }

    /**
     * The same three events appended in one transaction, so that one seal usually covers all three and the
     * aggregate's own chain is what notices a change inside it. (Where a seal falls between two of them, that seal
     * notices first; the tests expect whichever comes first in global order.)
     */
    private List<Long> caseAppendedAtOnce(String id) {
        MetaData submitted = MetaData.with(EventMetadata.SUBMITTER, "kg-border-guard-officer")
                .and(EventMetadata.UNIT, "KG-BORDER-GUARD")
                .and(EventMetadata.SIDE, "VN")
                .and(EventMetadata.PROVINCE, "VN-47");
        RecoverySite site = new RecoverySite("KH-7", "Kampong Trach", null, null);
        eventStore.publish(List.of(
                new GenericDomainEventMessage<>(
                        "RepatriationCase",
                        id,
                        0,
                        new RepatriationCaseOpened(id, "2013-2014", "KH-7", "KG-BORDER-GUARD", "VN-47"),
                        submitted),
                new GenericDomainEventMessage<>(
                        "RepatriationCase",
                        id,
                        1,
                        new RemainsRecovered(id, LocalDate.of(2014, 3, 2), 12, site),
                        submitted),
                new GenericDomainEventMessage<>(
                        "RepatriationCase",
                        id,
                        2,
                        new RemainsRecovered(id, LocalDate.of(2014, 3, 9), 5, site),
                        submitted)));
        return jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class,
                id);
    }

    private long write(String path, String body) {
        LedgerHttp.Response response = http.post(path, Tokens.kienGiang(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("position").asLong();
    }

    /**
     * Waits until a seal covers {@code position}. The seal waits for a missing position to settle (5 s in tests) and
     * moves on with the next batch, so while waiting this appends a harmless event now and then.
     */
    private Long firstSealIn(long from, long to) {
        return jdbc.queryForObject(
                "select min(position) from event_seal where position >= ? and position <= ?", Long.class, from, to);
    }

    private byte[] payload(long position) {
        return jdbc.queryForObject(
                "select payload from domain_event_entry where global_index = ?", byte[].class, position);
    }

    private Map<String, Object> row(long position) {
        return jdbc.queryForMap("select * from domain_event_entry where global_index = ?", position);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update(
                "insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                        + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("global_index"),
                row.get("event_identifier"),
                row.get("aggregate_identifier"),
                row.get("sequence_number"),
                row.get("type"),
                row.get("time_stamp"),
                row.get("payload_type"),
                row.get("payload_revision"),
                row.get("payload"),
                row.get("meta_data"));
    }

    /** Swaps the global positions of two rows, through a negative position no reader looks at. */
    private void swap(long one, long other) {
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", -one, one);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", one, other);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", other, -one);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
