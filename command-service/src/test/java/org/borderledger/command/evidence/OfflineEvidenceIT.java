package org.borderledger.command.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealSignatures;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.borderledger.verify.LedgerVerify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keyed, exportable evidence on the running service: events hashed before the hash became RFC 8785 JSON (version 1)
 * keep verifying beside version 2 ones, and an NDJSON export of the whole store verifies offline with
 * {@code ledger-verify} and the service's public key, while a one-byte change, a removed line or a seal re-signed with
 * another key each fail with the break {@code /api/audit/verify} would report.
 */
@CommandServiceIT
class OfflineEvidenceIT {

    private static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    SealKeys keys;

    @TempDir
    Path dir;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void aStoreWrittenWithTheFirstHashVersionKeepsVerifyingAndGrowsInTheCurrentOne() throws Exception {
        String id = "REP-V1-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> v1 = storedWithVersionOne(id);
        long v2 = write(
                "/api/repatriation-cases/" + id + "/recoveries",
                "{\"recoveredOn\":\"2014-03-09\",\"count\":5,\"site\":{\"province\":\"KH-7\",\"district\":\"Kampot\"}}");
        Seals.awaitSealed(jdbc, eventStore, v2);

        ObjectNode first = metadata(v1.get(1));
        ObjectNode next = metadata(v2);
        assertThat(first.has(EventHash.VERSION)).isFalse();
        assertThat(next.get(EventHash.VERSION).asText()).isEqualTo("2");
        assertThat(next.get(EventHash.PREVIOUS_HASH).asText())
                .isEqualTo(first.get(EventHash.HASH).asText());

        byte[] original = payload(v1.get(1));
        jdbc.update(
                "update domain_event_entry set payload = ? where global_index = ?",
                new String(original, UTF_8)
                        .replace("\"count\":12", "\"count\":13")
                        .getBytes(UTF_8),
                v1.get(1));
        try {
            JsonNode verification = verify();
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBroken").get("position").asLong()).isEqualTo(v1.get(1));
            assertThat(verification.get("firstBroken").get("reason").asText()).isEqualTo(TamperEvidence.ALTERED);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, v1.get(1));
        }
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("lastSeal").get("keyId").asText()).isEqualTo(keys.keyId());
    }

    @Test
    void anExportOfTheWholeStoreVerifiesOfflineAndEachTamperingFailsWithItsBreak() throws Exception {
        String id = "REP-EXPORT-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> positions = new ArrayList<>(storedWithVersionOne(id));
        positions.add(
                write(
                        "/api/repatriation-cases/" + id + "/recoveries",
                        "{\"recoveredOn\":\"2014-03-09\",\"count\":5,\"site\":{\"province\":\"KH-7\",\"district\":\"Kampot\"}}"));
        Seals.awaitSealed(jdbc, eventStore, positions.get(2));
        Path publicKey = Files.writeString(
                dir.resolve("seal-key.pub.pem"),
                SealSignatures.pem(keys.signing().getPublic()));
        List<String> lines = export();
        assertThat(lines).anyMatch(line -> line.startsWith("{\"seal\":"));

        Verified intact = verify(lines, publicKey);
        assertThat(intact.status).as(intact.err).isEqualTo(LedgerVerify.INTACT);
        assertThat(intact.report.get("eventsChecked").asLong())
                .isEqualTo(lines.stream()
                        .filter(line -> !line.startsWith("{\"seal\":") && !line.startsWith("{\"end\":"))
                        .count());
        assertThat(intact.report.get("lastSignedSeal").get("keyId").asText()).isEqualTo(keys.keyId());

        int changed = lineOf(lines, positions.get(2));
        List<String> oneByte = new ArrayList<>(lines);
        oneByte.set(changed, lines.get(changed).replace("\"count\":5", "\"count\":6"));
        assertBroken(verify(oneByte, publicKey), positions.get(2), "payload or metadata altered");

        int removed = lineOf(lines, positions.get(1)); // the version 1 recovery: sequence 1 of 0..2
        List<String> withoutLine = new ArrayList<>(lines);
        withoutLine.remove(removed);
        Verified missing = verify(withoutLine, publicKey);
        assertThat(missing.status).isEqualTo(LedgerVerify.BROKEN);
        assertThat(missing.report.get("firstBroken").get("reason").asText())
                .matches("event missing before sequence 2|global seal mismatch at position \\d+: events deleted or"
                        + " reordered before it.*");

        KeyPair other = SealSignatures.generate();
        int sealLine = firstSealLineAfter(lines, positions.get(2));
        ObjectNode seal = (ObjectNode) json.readTree(lines.get(sealLine)).get("seal");
        Seal sealed = EvidenceJson.readSeal(seal);
        Seal forged = SealSignatures.sign(sealed.withMerkleRoot(sealed.merkleRoot()), other);
        seal.put("keyId", forged.keyId()).put("signature", forged.signature());
        List<String> resigned = new ArrayList<>(lines);
        resigned.set(sealLine, json.writeValueAsString(json.createObjectNode().set("seal", seal)));
        assertBroken(
                verify(resigned, publicKey),
                forged.position(),
                "seal at position " + forged.position() + " is signed with unknown key " + forged.keyId());
    }

    /** Opens a case and records one recovery as a store written before hashes were version 2 holds them. */
    private List<Long> storedWithVersionOne(String id) throws IOException {
        Object[] payloads = {
            new RepatriationCaseOpened(id, "2013-2014", "KH-7", "KG-BORDER-GUARD", "VN-47"),
            new RemainsRecovered(id, LocalDate.of(2014, 3, 2), 12, new RecoverySite("KH-7", "Kampot", null, null))
        };
        List<Long> positions = new ArrayList<>();
        String previous = "";
        for (int sequence = 0; sequence < payloads.length; sequence++) {
            var payload = eventSerializer.serialize(payloads[sequence], byte[].class);
            String eventId = UUID.randomUUID().toString();
            String recordedAt = DateTimeUtils.formatInstant(Instant.now());
            ObjectNode rest = json.createObjectNode()
                    .put("submitter", "kg-border-guard-officer")
                    .put("unit", "KG-BORDER-GUARD")
                    .put("side", "VN")
                    .put("province", "VN-47");
            String hash = EventHash.of(
                    1,
                    new EventHash.Content(
                            "RepatriationCase",
                            id,
                            sequence,
                            eventId,
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            recordedAt,
                            payload.getData(),
                            rest),
                    previous);
            ObjectNode metadata =
                    rest.deepCopy().put(EventHash.PREVIOUS_HASH, previous).put(EventHash.HASH, hash);
            positions.add(jdbc.queryForObject(
                    "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                            + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning global_index",
                    Long.class,
                    eventId,
                    id,
                    sequence,
                    "RepatriationCase",
                    recordedAt,
                    payload.getType().getName(),
                    payload.getType().getRevision(),
                    payload.getData(),
                    json.writeValueAsBytes(metadata)));
            previous = hash;
        }
        return positions;
    }

    private record Verified(int status, JsonNode report, String err) {}

    private Verified verify(List<String> lines, Path publicKey) throws IOException {
        Path export = Files.write(dir.resolve("export-" + UUID.randomUUID() + ".ndjson"), lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LedgerVerify.run(
                new String[] {"--public-key", publicKey.toString(), export.toString()},
                new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
        return new Verified(status, json.readTree(out.toString(UTF_8)), err.toString(UTF_8));
    }

    private static void assertBroken(Verified verified, long position, String reason) {
        assertThat(verified.status).as(verified.err).isEqualTo(LedgerVerify.BROKEN);
        JsonNode broken = verified.report.get("firstBroken");
        assertThat(broken.get("position").asLong())
                .as(verified.report.toString())
                .isEqualTo(position);
        assertThat(broken.get("reason").asText()).isEqualTo(reason);
    }

    private List<String> export() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/events"))
                                .header("Authorization", "Bearer " + Tokens.auditor())
                                .header("Accept", "application/x-ndjson")
                                .timeout(Duration.ofSeconds(120))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().toList();
    }

    private static int lineOf(List<String> lines, long position) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = json.readTree(lines.get(i));
            if (line.has("position") && line.get("position").asLong() == position) {
                return i;
            }
        }
        throw new AssertionError("No event at position " + position + " in the export");
    }

    private static int firstSealLineAfter(List<String> lines, long position) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = json.readTree(lines.get(i));
            if (line.has("seal") && line.get("seal").get("position").asLong() >= position) {
                return i;
            }
        }
        throw new AssertionError("No seal at or after position " + position + " in the export");
    }

    private long write(String path, String body) {
        LedgerHttp.Response response = http.post(path, Tokens.kienGiang(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("position").asLong();
    }

    private JsonNode verify() {
        LedgerHttp.Response response = http.get("/api/audit/verify", Tokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private ObjectNode metadata(long position) throws IOException {
        return (ObjectNode) json.readTree(jdbc.queryForObject(
                "select meta_data from domain_event_entry where global_index = ?", byte[].class, position));
    }

    private byte[] payload(long position) {
        return jdbc.queryForObject(
                "select payload from domain_event_entry where global_index = ?", byte[].class, position);
    }

    /** Waits until a seal covers {@code position}, appending a harmless event now and then so the seal moves on. */
}
