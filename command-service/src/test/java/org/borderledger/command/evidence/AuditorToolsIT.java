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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.evidence.PinnedKeys;
import org.borderledger.evidence.SealSignatures;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.borderledger.verify.LedgerVerify;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an auditor of either side does with the running service and tools of their own ({@code docs/auditing.md}):
 * pins the service's key out of band, exports the whole store and checks it with {@code ledger-verify --pinned-keys}
 * and with the independent Node.js verifier of {@code contract/verifier-node}; proves one event and that a later seal
 * extends an earlier one, offline, from the proof endpoints; and sees a proof offered for another event rejected.
 */
@CommandServiceIT
class AuditorToolsIT {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path NODE_VERIFIER = Path.of("..", "contract", "verifier-node", "verify.js");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    SealKeys keys;

    @TempDir
    Path dir;

    LedgerHttp http;
    Path pinned;

    @BeforeEach
    void pinTheServicesKey() throws IOException {
        http = new LedgerHttp("http://localhost:" + port);
        ObjectNode file = json.createObjectNode().put("format", PinnedKeys.FORMAT);
        file.putArray("keys")
                .addObject()
                .put("keyId", keys.keyId())
                .put("publicKeyPem", SealSignatures.pem(keys.signing().getPublic()))
                .put("validFromPosition", 1)
                .putNull("validToPosition")
                .put("note", "the test service's key, as its operator announced it");
        pinned = Files.writeString(dir.resolve("pinned-keys.json"), json.writeValueAsString(file));
    }

    @Test
    void anExportVerifiesWithThePinnedKeyAndEndsWithTheSealItStates() throws Exception {
        long recovered = recordCase().get(1);
        Seals.awaitSealed(jdbc, eventStore, recovered);

        List<String> lines = export();
        JsonNode end = json.readTree(lines.get(lines.size() - 1)).get("end");
        JsonNode lastSeal = lastSealLine(lines);
        assertThat(end.get("eventCount").asLong())
                .isEqualTo(lines.stream()
                        .filter(line -> line.startsWith("{\"position\":"))
                        .count());
        assertThat(end.get("lastSeal").get("position").asLong())
                .isEqualTo(lastSeal.get("position").asLong());
        assertThat(lastSeal.get("merkleRoot").asText()).matches("[0-9a-f]{64}");
        JsonNode recoveredLine = eventLine(lines, recovered);
        assertThat(recoveredLine.get("businessDate").asText()).isEqualTo("2014-03-02");

        Run verified = ledgerVerify("--pinned-keys", pinned.toString(), write("export.ndjson", lines));

        assertThat(verified.status).as(verified.err).isEqualTo(LedgerVerify.INTACT);
        assertThat(verified.report.get("endStated").asBoolean()).isTrue();
        assertThat(verified.report.get("lastSignedSeal").get("keyId").asText()).isEqualTo(keys.keyId());
        assertThat(verified.report.get("lastSignedSeal").get("merkleRoot").asText())
                .isEqualTo(lastSeal.get("merkleRoot").asText());

        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 2));
        cut.add(lines.get(lines.size() - 1));
        Run cutShort = ledgerVerify("--pinned-keys", pinned.toString(), write("cut.ndjson", cut));
        assertThat(cutShort.status).as(cutShort.err).isEqualTo(LedgerVerify.BROKEN);
    }

    @Test
    void theIndependentVerifierFindsTheRealExportAndProofsValid() throws Exception {
        Assumptions.assumeTrue(nodeOnPath(), "node is not on the PATH: the Node.js verifier is not run");
        List<Long> positions = recordCase();
        Seals.awaitSealed(jdbc, eventStore, positions.get(1));
        String export = write("export.ndjson", export());
        long seal = sealedAtOrAfter(positions.get(1));
        String proof = write("inclusion.json", get("/api/audit/events/" + positions.get(0) + "/proof?seal=" + seal));

        Run verified = node("--pinned-keys", pinned.toString(), export);
        Run proved = node("prove", "inclusion", "--pinned-keys", pinned.toString(), proof);

        assertThat(verified.status).as(verified.err).isZero();
        assertThat(verified.report.get("valid").asBoolean()).isTrue();
        assertThat(proved.status).as(proved.err).isZero();
    }

    @Test
    void anInclusionProofAndAConsistencyProofVerifyOfflineAndAProofForAnotherEventIsRejected() throws Exception {
        List<Long> first = recordCase();
        Seals.awaitSealed(jdbc, eventStore, first.get(1));
        long earlier = sealedAtOrAfter(first.get(1));
        List<Long> second = recordCase();
        Seals.awaitSealed(jdbc, eventStore, second.get(1));
        long later = sealedAtOrAfter(second.get(1));
        assertThat(later).isGreaterThan(earlier);

        JsonNode inclusion = json.readTree(get("/api/audit/events/" + first.get(1) + "/proof?seal=" + later));
        assertThat(inclusion.get("seal").get("position").asLong()).isEqualTo(later);
        assertThat(inclusion.get("event").get("position").asLong()).isEqualTo(first.get(1));
        Run proved = ledgerVerify(
                "prove",
                "inclusion",
                "--pinned-keys",
                pinned.toString(),
                write("inclusion.json", inclusion.toString()));
        assertThat(proved.status).as(proved.err).isEqualTo(LedgerVerify.INTACT);

        JsonNode latest = json.readTree(get("/api/audit/events/" + first.get(0) + "/proof"));
        assertThat(latest.get("seal").get("position").asLong()).isGreaterThanOrEqualTo(later);
        assertThat(ledgerVerify(
                                "prove",
                                "inclusion",
                                "--pinned-keys",
                                pinned.toString(),
                                write("latest.json", latest.toString()))
                        .status)
                .isEqualTo(LedgerVerify.INTACT);

        ObjectNode otherEvent = (ObjectNode) inclusion.deepCopy();
        otherEvent.set(
                "event",
                json.readTree(get("/api/audit/events/" + second.get(1) + "/proof?seal=" + later))
                        .get("event"));
        Run rejected = ledgerVerify(
                "prove", "inclusion", "--pinned-keys", pinned.toString(), write("other.json", otherEvent.toString()));
        assertThat(rejected.status).as(rejected.err).isEqualTo(LedgerVerify.BROKEN);
        assertThat(rejected.report.get("rejection").get("code").asText()).isEqualTo("INCLUSION_PROOF_INVALID");

        String consistency = get("/api/audit/seals/" + later + "/consistency?from=" + earlier);
        Run grew = ledgerVerify(
                "prove", "consistency", "--pinned-keys", pinned.toString(), write("consistency.json", consistency));
        assertThat(grew.status).as(grew.err).isEqualTo(LedgerVerify.INTACT);
        assertThat(grew.report.get("proves").asText())
                .contains("sealed at position " + later)
                .contains("sealed at position " + earlier);
    }

    @Test
    void aProofThatCannotBeGivenIsAProblemNamingTheField() {
        List<Long> positions = recordCase();
        Seals.awaitSealed(jdbc, eventStore, positions.get(0));
        long seal = sealedAtOrAfter(positions.get(0));
        long beyond = seal + 1_000_000;

        assertProblem(
                http.get("/api/audit/events/" + beyond + "/proof", Tokens.auditor()), 404, "unknown-event", "position");
        assertProblem(
                http.get("/api/audit/events/" + positions.get(0) + "/proof?seal=" + beyond, Tokens.auditor()),
                404,
                "unknown-seal",
                "seal");
        long after = recordCase().get(1);
        assertProblem(
                http.get("/api/audit/events/" + after + "/proof?seal=" + seal, Tokens.auditor()),
                422,
                "seal-before-position",
                "seal");
        assertProblem(
                http.get("/api/audit/seals/" + seal + "/consistency?from=" + beyond, Tokens.auditor()),
                404,
                "unknown-seal",
                "from");
        assertThat(http.get("/api/audit/seals/" + seal + "/consistency", Tokens.auditor())
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/audit/events/" + positions.get(0) + "/proof", Tokens.kienGiang())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theKeyListNamesTheSigningKeyFirstAsTheSpecificationShowsIt() {
        LedgerHttp.Response response = http.get("/api/audit/keys", Tokens.auditor());

        assertThat(response.status()).isEqualTo(200);
        JsonNode first = response.json().get(0);
        assertThat(first.get("keyId").asText()).isEqualTo(keys.keyId());
        assertThat(first.get("signing").asBoolean()).isTrue();
        assertThat(first.get("publicKeyPem").asText())
                .startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
    }

    /** Opens a repatriation case and records a recovery in it, as the write path stores them; their positions. */
    private List<Long> recordCase() {
        String id = "REP-PROOF-" + UUID.randomUUID().toString().substring(0, 8);
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "RepatriationCase",
                        id,
                        0,
                        new RepatriationCaseOpened(id, "2013-2014", "KH-7", "KG-BORDER-GUARD", "VN-47")),
                new GenericDomainEventMessage<>(
                        "RepatriationCase",
                        id,
                        1,
                        new RemainsRecovered(
                                id, LocalDate.of(2014, 3, 2), 12, new RecoverySite("KH-7", "Kampot", null, null))));
        return jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class,
                id);
    }

    /** The first seal at or after {@code position}. */
    private long sealedAtOrAfter(long position) {
        return jdbc.queryForObject("select min(position) from event_seal where position >= ?", Long.class, position);
    }

    private static void assertProblem(LedgerHttp.Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith(type);
        assertThat(response.json().get("fields")).extracting(JsonNode::asText).containsExactly(field);
    }

    private String get(String path) {
        LedgerHttp.Response response = http.get(path, Tokens.auditor());
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
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

    private static JsonNode lastSealLine(List<String> lines) throws IOException {
        for (int i = lines.size() - 1; i >= 0; i--) {
            JsonNode line = json.readTree(lines.get(i));
            if (line.has("seal")) {
                return line.get("seal");
            }
        }
        throw new AssertionError("No seal in the export");
    }

    private static JsonNode eventLine(List<String> lines, long position) throws IOException {
        for (String text : lines) {
            JsonNode line = json.readTree(text);
            if (line.has("position") && line.get("position").asLong() == position) {
                return line;
            }
        }
        throw new AssertionError("No event at " + position + " in the export");
    }

    private String write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines).toString();
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private record Run(int status, JsonNode report, String err) {}

    private static Run ledgerVerify(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LedgerVerify.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        System.out.println(
                "$ ledger-verify " + String.join(" ", args) + "\n" + out.toString(UTF_8) + err.toString(UTF_8));
        return new Run(status, json.readTree(out.toString(UTF_8)), err.toString(UTF_8));
    }

    private static boolean nodeOnPath() {
        try {
            Process probe = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Run node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", NODE_VERIFIER.toString()));
        command.addAll(List.of(args));
        Path err = dir.resolve("node-" + UUID.randomUUID() + ".err");
        Process process =
                new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        String errText = Files.readString(err);
        System.out.println("$ node verify.js " + String.join(" ", args) + "\n" + out + errText);
        return new Run(process.exitValue(), json.readTree(out), errText);
    }
}
