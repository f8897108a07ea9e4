package org.borderledger.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealChain;
import org.borderledger.evidence.SealSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code ledger-verify.jar} runs on its own: {@code java -jar}, an export file and a public key. */
class LedgerVerifyJarIT {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path JAR = Path.of("target", "ledger-verify.jar");

    @TempDir
    Path dir;

    @Test
    void checksAnExportWithThePublicKeyAndSaysWhereItBreaks() throws Exception {
        KeyPair key = SealSignatures.generate();
        Path publicKey = Files.writeString(dir.resolve("seal-key.pub.pem"), SealSignatures.pem(key.getPublic()));
        List<String> export = export(key);

        Run intact = run(
                "--public-key", publicKey.toString(), write("intact", export).toString());
        assertThat(intact.status).as(intact.err).isEqualTo(LedgerVerify.INTACT);
        assertThat(intact.report().get("valid").asBoolean()).isTrue();
        assertThat(intact.report().get("eventsChecked").asLong()).isEqualTo(3);
        assertThat(intact.err).startsWith("intact: 3 events, 1 seals");

        List<String> tampered = new ArrayList<>(export);
        tampered.set(1, export.get(1).replace("\"count\":12", "\"count\":13"));
        Run broken = run(
                "--public-key",
                publicKey.toString(),
                write("tampered", tampered).toString());
        assertThat(broken.status).isEqualTo(LedgerVerify.BROKEN);
        assertThat(broken.report().get("firstBroken").get("position").asLong()).isEqualTo(2);
        assertThat(broken.report().get("firstBroken").get("reason").asText()).isEqualTo("payload or metadata altered");
        assertThat(broken.err).startsWith("BROKEN at position 2 (aggregate REP-1): payload or metadata altered");

        Run unusable = run(write("intact-again", export).toString());
        assertThat(unusable.status).isEqualTo(LedgerVerify.UNUSABLE);
        assertThat(unusable.err).startsWith("usage: java -jar ledger-verify.jar");
    }

    private record Run(int status, String out, String err) {
        JsonNode report() throws IOException {
            return json.readTree(out);
        }
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("ledger-verify ended")
                .isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name + ".ndjson"), lines);
    }

    /** Three events of one case and a signed seal over them, as lines of the audit API's NDJSON export. */
    private static List<String> export(KeyPair key) throws IOException {
        List<String> lines = new ArrayList<>();
        String previous = "";
        String chain = SealChain.GENESIS;
        String[] payloads = {
            "{\"caseId\":\"REP-1\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}",
            "{\"caseId\":\"REP-1\",\"recoveredOn\":\"2014-03-02\",\"count\":12}",
            "{\"caseId\":\"REP-1\",\"recoveredOn\":\"2014-03-09\",\"count\":5}"
        };
        String[] types = {"RepatriationCaseOpened", "RemainsRecovered", "RemainsRecovered"};
        for (int i = 0; i < payloads.length; i++) {
            long position = i + 1;
            ObjectNode metadata = json.createObjectNode().put("unit", "KG-POST").put(EventHash.VERSION, "2");
            String recordedAt = "2024-03-25T08:00:0" + i + ".000Z";
            String hash = EventHash.of(
                    2,
                    new EventHash.Content(
                            "RepatriationCase",
                            "REP-1",
                            i,
                            "event-" + position,
                            types[i],
                            null,
                            recordedAt,
                            payloads[i].getBytes(UTF_8),
                            metadata),
                    previous);
            metadata.put(EventHash.PREVIOUS_HASH, previous).put(EventHash.HASH, hash);
            ObjectNode line = json.createObjectNode()
                    .put("position", position)
                    .put("eventId", "event-" + position)
                    .put("aggregateId", "REP-1")
                    .put("aggregateType", "RepatriationCase")
                    .put("sequenceNumber", i)
                    .put("eventType", types[i])
                    .putNull("payloadRevision")
                    .put("recordedAt", recordedAt);
            line.set("payload", json.readTree(payloads[i]));
            line.set("metadata", metadata);
            line.put("hash", hash);
            lines.add(json.writeValueAsString(line));
            previous = hash;
            chain = SealChain.next(chain, position, hash);
        }
        Seal seal = SealSignatures.sign(new Seal(3, 3, chain, Instant.parse("2024-03-25T08:01:00Z"), null, null), key);
        ObjectNode sealLine = json.createObjectNode();
        sealLine.putObject("seal")
                .put("position", seal.position())
                .put("eventsSealed", seal.eventsSealed())
                .put("chainHash", seal.chainHash())
                .put("sealedAt", seal.sealedAtText())
                .put("keyId", seal.keyId())
                .put("signature", seal.signature());
        lines.add(json.writeValueAsString(sealLine));
        return lines;
    }
}
