package org.borderledger.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealSignatures;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.verify.LedgerVerify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's offline check on the local run: the seal key is generated into the data dir (owner-only, its public key
 * beside it), an NDJSON export of the demo data verifies with {@code ledger-verify} and that public key alone, and a
 * one-byte change, a removed line or a seal re-signed with another key each fail with the right break.
 */
class OfflineVerificationIT {

    private static final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path auditor;

    @Test
    void anExportOfTheDemoDataVerifiesOfflineAndTamperingShows() throws Exception {
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);
        List<String> export;
        try (LocalLedger ledger = LocalLedger.start(settings)) {
            long position = ledger.recordDemoData();
            awaitSealed(settings, ledger, position);
            export = export(settings, ledger.tokens().auditor());
        }
        Path key = dataDir.resolve("seal-key.pem");
        Path publicKey = dataDir.resolve("seal-key.pub.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");

        Result intact = verify(export, publicKey);
        assertThat(intact.status).as(intact.err).isEqualTo(LedgerVerify.INTACT);
        assertThat(intact.report.get("valid").asBoolean()).isTrue();
        assertThat(intact.report.get("eventsAfterLastSignedSeal").asLong()).isZero();

        int event = lastEventLine(export);
        JsonNode changed = json.readTree(export.get(event));
        List<String> oneByte = new ArrayList<>(export);
        oneByte.set(event, flipOneDigit(export.get(event)));
        Result altered = verify(oneByte, publicKey);
        assertThat(altered.status).isEqualTo(LedgerVerify.BROKEN);
        assertThat(altered.report.get("firstBroken").get("position").asLong())
                .isEqualTo(changed.get("position").asLong());
        assertThat(altered.report.get("firstBroken").get("reason").asText()).isEqualTo("payload or metadata altered");

        List<String> withoutLastEvent = new ArrayList<>(export);
        withoutLastEvent.remove(event);
        Result removed = verify(withoutLastEvent, publicKey);
        assertThat(removed.status).isEqualTo(LedgerVerify.BROKEN);
        // the seal right after the removed event names a position the export no longer holds
        assertThat(removed.report.get("firstBroken").get("reason").asText())
                .matches("(store ends at position \\d+ but position \\d+ was sealed"
                        + "|global seal mismatch at position \\d+: events deleted or reordered before it).*");

        int sealLine = lastSealLine(export);
        ObjectNode seal = (ObjectNode) json.readTree(export.get(sealLine)).get("seal");
        Seal resigned = SealSignatures.sign(
                new Seal(
                        seal.get("position").asLong(),
                        seal.get("eventsSealed").asLong(),
                        seal.get("chainHash").asText(),
                        Instant.parse(seal.get("sealedAt").asText()),
                        null,
                        null),
                SealSignatures.generate());
        seal.put("keyId", resigned.keyId()).put("signature", resigned.signature());
        List<String> otherKey = new ArrayList<>(export);
        otherKey.set(sealLine, json.writeValueAsString(json.createObjectNode().set("seal", seal)));
        Result forged = verify(otherKey, publicKey);
        assertThat(forged.status).isEqualTo(LedgerVerify.BROKEN);
        assertThat(forged.report.get("firstBroken").get("reason").asText())
                .isEqualTo(
                        "seal at position " + resigned.position() + " is signed with unknown key " + resigned.keyId());
    }

    private record Result(int status, JsonNode report, String err) {}

    private Result verify(List<String> lines, Path publicKey) throws Exception {
        Path file = Files.write(auditor.resolve("export-" + System.nanoTime() + ".ndjson"), lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LedgerVerify.run(
                new String[] {"--public-key", publicKey.toString(), file.toString()},
                new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
        return new Result(status, json.readTree(out.toString(UTF_8)), err.toString(UTF_8));
    }

    /** Changes one digit of the event's business date: one byte of the line. */
    private static String flipOneDigit(String line) {
        int at = line.indexOf("\"payload\":");
        int digit = line.indexOf("-0", at) + 2;
        char was = line.charAt(digit);
        return line.substring(0, digit) + (was == '9' ? '8' : (char) (was + 1)) + line.substring(digit + 1);
    }

    private static int lastSealLine(List<String> export) throws Exception {
        for (int i = export.size() - 1; i >= 0; i--) {
            if (json.readTree(export.get(i)).has("seal")) {
                return i;
            }
        }
        throw new AssertionError("No seal in the export");
    }

    private static int lastEventLine(List<String> export) throws Exception {
        for (int i = export.size() - 1; i >= 0; i--) {
            JsonNode line = json.readTree(export.get(i));
            if (!line.has("seal") && !line.has("end")) {
                return i;
            }
        }
        throw new AssertionError("No event in the export");
    }

    private static void awaitSealed(LocalSettings settings, LocalLedger ledger, long position) {
        LedgerHttp.Response verified = LocalRuns.until(200, Duration.ofSeconds(60), () -> {
            LedgerHttp.Response response = LocalRuns.command(settings)
                    .get("/api/audit/verify", ledger.tokens().auditor());
            JsonNode lastSeal = response.status() == 200 ? response.json().get("lastSeal") : null;
            return lastSeal != null
                            && !lastSeal.isNull()
                            && lastSeal.get("position").asLong() >= position
                    ? response
                    : new LedgerHttp.Response(202, response.headers(), response.body());
        });
        assertThat(verified.status())
                .as("a seal covers position " + position + ": " + verified.body())
                .isEqualTo(200);
        assertThat(verified.json().get("valid").asBoolean()).isTrue();
    }

    private static List<String> export(LocalSettings settings, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + settings.commandPort() + "/api/audit/events"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/x-ndjson")
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().toList();
    }
}
