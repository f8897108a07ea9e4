package org.borderledger.verify.vectors;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.borderledger.evidence.BusinessDate;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.Jcs;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.PinnedKeys;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealChain;
import org.borderledger.evidence.SealSignatures;

/**
 * Writes the test vectors of {@code contract/vectors} with the evidence library's own code: a small ledger of eight
 * events and four seals (an old unsigned one, one signed before seals carried a Merkle root, two with roots after a
 * key rotation, one event left unsealed), its export, the proofs, and every invalid variant with the rejection code a
 * verifier must give. The keys are derived from published seeds: they are test keys and sign nothing else.
 * {@code VectorFilesTest} checks the committed files are what this writes; {@code VectorRebuildTest} rebuilds them
 * from the specification's rules alone.
 *
 * <p>Run from the repository root to rewrite them: {@code ./mvnw -q -pl ledger-verify -am test-compile} and then
 * {@code java -cp …} this class with the target directory as its argument (the test {@code VectorFilesTest} prints the
 * command line when the files differ).
 */
public final class VectorGenerator {

    static final ObjectMapper json = new ObjectMapper();

    /** Pretty JSON with LF line ends, the same on every platform. */
    static final ObjectWriter pretty = json.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    static final String KEY_A_SEED = "border-ledger test vector key A (test only, never for a real ledger)";
    static final String KEY_B_SEED = "border-ledger test vector key B (test only, never for a real ledger)";
    static final String UNPINNED_SEED = "border-ledger test vector unpinned key (test only)";

    /** One event of the vector ledger, before hashing. */
    record EventSpec(
            long position,
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            String eventId,
            String eventType,
            String recordedAt,
            String payload,
            String unit,
            int hashVersion) {}

    /** One seal of the vector ledger: after the event at {@code position}, signed by {@code key} (or unsigned). */
    record SealSpec(long position, KeyPair key, boolean withRoot, String sealedAt) {}

    /** A built ledger: its export lines in order, its seals by position and its leaf hashes in sealing order. */
    record Ledger(List<String> lines, Map<Long, Seal> seals, List<byte[]> leaves, List<ObjectNode> events) {

        int lineOfEvent(long position) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("{\"position\":" + position + ",")) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no event at " + position);
        }

        int lineOfSeal(long position) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("{\"seal\":{\"position\":" + position + ",")) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no seal at " + position);
        }

        int indexOf(long position) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).get("position").asLong() == position) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no event at " + position);
        }
    }

    final KeyPair keyA = key(KEY_A_SEED);
    final KeyPair keyB = key(KEY_B_SEED);
    final KeyPair unpinned = key(UNPINNED_SEED);

    List<EventSpec> events() {
        return List.of(
                new EventSpec(
                        1,
                        "Agreement",
                        "AGR-2014-01",
                        0,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000001",
                        "AgreementSigned",
                        "2014-01-10T02:00:00.000Z",
                        "{\"agreementId\":\"AGR-2014-01\",\"title\":\"Joint search for remains, 2014\","
                                + "\"documentRef\":\"VN-KH/2014/01\",\"signedOn\":\"2014-01-10\","
                                + "\"validFrom\":\"2014-01-10\",\"validTo\":\"2016-12-31\",\"place\":\"Hà Tiên\","
                                + "\"parties\":[\"VN\",\"KH\"],\"signatories\":[\"Nguyễn Văn A\",\"Sok Dara\"],"
                                + "\"domains\":[\"REPATRIATION\"]}",
                        "KG-BORDER-GUARD",
                        1),
                new EventSpec(
                        2,
                        "BorderMarker",
                        "314/1",
                        0,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000002",
                        "MarkerPlanned",
                        "2014-01-12T03:30:00.250Z",
                        "{\"markerId\":\"314/1\",\"type\":\"PRIMARY\",\"responsibleSide\":\"VN\","
                                + "\"plannedPoint\":{\"lat\":10.25,\"lon\":104.5}}",
                        "KG-BORDER-GUARD",
                        2),
                new EventSpec(
                        3,
                        "RepatriationCase",
                        "REP-1",
                        0,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000003",
                        "RepatriationCaseOpened",
                        "2014-02-01T01:00:00.000Z",
                        "{\"caseId\":\"REP-1\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\","
                                + "\"searchingUnit\":\"KG-BORDER-GUARD\",\"openedByProvince\":\"VN-91\"}",
                        "KG-BORDER-GUARD",
                        2),
                new EventSpec(
                        5,
                        "RepatriationCase",
                        "REP-1",
                        1,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000005",
                        "RemainsRecovered",
                        "2014-03-02T09:15:00.000Z",
                        "{\"caseId\":\"REP-1\",\"recoveredOn\":\"2014-03-02\",\"count\":12,"
                                + "\"site\":{\"province\":\"KH-7\",\"district\":\"Kampot\",\"commune\":null,"
                                + "\"point\":null}}",
                        "KP-PROVINCE",
                        2),
                new EventSpec(
                        6,
                        "BorderMarker",
                        "314/1",
                        1,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000006",
                        "MarkerCompleted",
                        "2014-08-15T03:00:00.123Z",
                        "{\"markerId\":\"314/1\",\"confirmedOn\":\"2014-08-15\",\"confirmingSide\":\"KH\"}",
                        "KP-PROVINCE",
                        2),
                new EventSpec(
                        7,
                        "RepatriationCase",
                        "REP-1",
                        2,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000007",
                        "RemainsRecovered",
                        "2014-08-20T08:00:00.000Z",
                        "{\"caseId\":\"REP-1\",\"recoveredOn\":\"2014-03-09\",\"count\":5,"
                                + "\"site\":{\"province\":\"KH-7\",\"district\":\"Kampot\",\"commune\":\"Tuk Meas\","
                                + "\"point\":{\"lat\":10.625,\"lon\":104.25}}}",
                        "KP-PROVINCE",
                        2),
                new EventSpec(
                        8,
                        "Agreement",
                        "AGR-2014-01",
                        1,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000008",
                        "AgreementReviewed",
                        "2015-01-20T02:00:00.000Z",
                        "{\"agreementId\":\"AGR-2014-01\",\"reviewedOn\":\"2015-01-20\",\"periodFrom\":\"2014-01-10\","
                                + "\"periodTo\":\"2014-12-31\",\"summary\":\"17 sets of remains recovered\\n"
                                + "in Kampot; \\\"joint\\\" teams to continue\"}",
                        "KG-BORDER-GUARD",
                        2),
                new EventSpec(
                        9,
                        "BorderMarker",
                        "314/1",
                        2,
                        "0b6e4f1a-1c1e-4c55-9d0a-000000000009",
                        "MarkerDamaged",
                        "2015-06-02T05:45:10.007Z",
                        "{\"markerId\":\"314/1\",\"damagedOn\":\"2015-06-01\",\"description\":\"Flood: tilted 15°\"}",
                        "KP-PROVINCE",
                        2));
    }

    List<SealSpec> seals() {
        return List.of(
                new SealSpec(2, null, false, "2014-01-12T03:30:01.000Z"),
                new SealSpec(3, keyA, false, "2014-02-01T01:00:01.500Z"),
                new SealSpec(6, keyB, true, "2014-08-15T03:00:01.000Z"),
                new SealSpec(8, keyB, true, "2015-01-20T02:00:02.000Z"));
    }

    /** The vector ledger, its events passed through {@code change} before hashing (the identity for the real one). */
    Ledger ledger(UnaryOperator<EventSpec> change) throws IOException {
        List<String> lines = new ArrayList<>();
        Map<Long, Seal> seals = new LinkedHashMap<>();
        List<byte[]> leaves = new ArrayList<>();
        List<ObjectNode> events = new ArrayList<>();
        Map<String, String> last = new LinkedHashMap<>();
        String chain = SealChain.GENESIS;
        MerkleTree.Frontier tree = MerkleTree.Frontier.EMPTY;
        List<SealSpec> sealSpecs = seals();
        int nextSeal = 0;
        for (EventSpec spec : events()) {
            EventSpec event = change.apply(spec);
            String previous = last.getOrDefault(event.aggregateId(), "");
            ObjectNode metadata = json.createObjectNode()
                    .put("submitter", event.unit().toLowerCase() + "-officer")
                    .put("unit", event.unit())
                    .put("side", event.unit().startsWith("KG") ? "VN" : "KH")
                    .put(
                            "correlationid",
                            "corr-" + event.eventId().substring(event.eventId().length() - 3))
                    .put("requestid", "req-" + event.position());
            if (event.hashVersion() == 2) {
                metadata.put(EventHash.VERSION, "2");
            }
            JsonNode payload = json.readTree(event.payload());
            String hash = EventHash.of(
                    event.hashVersion(),
                    new EventHash.Content(
                            event.aggregateType(),
                            event.aggregateId(),
                            event.sequenceNumber(),
                            event.eventId(),
                            event.eventType(),
                            null,
                            event.recordedAt(),
                            json.writeValueAsBytes(payload),
                            metadata.deepCopy()),
                    previous);
            metadata.put(EventHash.PREVIOUS_HASH, previous).put(EventHash.HASH, hash);
            ObjectNode line = json.createObjectNode()
                    .put("position", event.position())
                    .put("eventId", event.eventId())
                    .put("aggregateId", event.aggregateId())
                    .put("aggregateType", event.aggregateType())
                    .put("sequenceNumber", event.sequenceNumber())
                    .put("eventType", event.eventType())
                    .putNull("payloadRevision")
                    .put("recordedAt", event.recordedAt())
                    .put("businessDate", BusinessDate.of(payload));
            line.set("payload", payload);
            line.set("metadata", metadata);
            line.put("hash", hash);
            lines.add(json.writeValueAsString(line));
            events.add(line);
            last.put(event.aggregateId(), hash);
            chain = SealChain.next(chain, event.position(), hash);
            byte[] leaf = MerkleTree.leafHash(event.position(), hash);
            leaves.add(leaf);
            tree = tree.append(leaf);
            while (nextSeal < sealSpecs.size() && sealSpecs.get(nextSeal).position() == event.position()) {
                SealSpec sealSpec = sealSpecs.get(nextSeal++);
                Seal seal = new Seal(
                        event.position(),
                        leaves.size(),
                        chain,
                        Instant.parse(sealSpec.sealedAt()),
                        null,
                        null,
                        sealSpec.withRoot() ? MerkleTree.hex(tree.root()) : null);
                if (sealSpec.key() != null) {
                    seal = SealSignatures.sign(seal, sealSpec.key());
                }
                seals.put(seal.position(), seal);
                lines.add(json.writeValueAsString(EvidenceJson.sealLine(seal)));
            }
        }
        return new Ledger(lines, seals, leaves, events);
    }

    /** Writes every vector file under {@code dir}. */
    void write(Path dir) throws IOException {
        Ledger ledger = ledger(UnaryOperator.identity());
        Ledger forked = ledger(event -> event.position() == 5
                ? new EventSpec(
                        5,
                        event.aggregateType(),
                        event.aggregateId(),
                        event.sequenceNumber(),
                        event.eventId(),
                        event.eventType(),
                        event.recordedAt(),
                        event.payload().replace("\"count\":12", "\"count\":2"),
                        event.unit(),
                        2)
                : event);
        Seal seal6 = ledger.seals().get(6L);
        Seal seal8 = ledger.seals().get(8L);
        List<ObjectNode> cases = new ArrayList<>();

        // keys
        writeText(dir.resolve("keys/test-key-a.pem"), SealSignatures.pem(keyA.getPrivate()));
        writeText(dir.resolve("keys/test-key-a.pub.pem"), SealSignatures.pem(keyA.getPublic()));
        writeText(dir.resolve("keys/test-key-b.pem"), SealSignatures.pem(keyB.getPrivate()));
        writeText(dir.resolve("keys/test-key-b.pub.pem"), SealSignatures.pem(keyB.getPublic()));
        writeText(dir.resolve("keys/unpinned-key.pem"), SealSignatures.pem(unpinned.getPrivate()));
        writeText(dir.resolve("keys/unpinned-key.pub.pem"), SealSignatures.pem(unpinned.getPublic()));
        ObjectNode keySeeds = json.createObjectNode();
        keySeeds.put("warning", "TEST KEYS ONLY: their private keys are published here; never trust them for a ledger");
        keySeeds.put(
                "derivation",
                "seed = SHA-256(UTF-8 of the seed text); PKCS#8 DER = " + "302e020100300506032b657004220420 || seed");
        for (var key : List.of(
                Map.entry("test-key-a", KEY_A_SEED),
                Map.entry("test-key-b", KEY_B_SEED),
                Map.entry("unpinned-key", UNPINNED_SEED))) {
            KeyPair pair = key(key.getValue());
            keySeeds.putObject(key.getKey())
                    .put("seedText", key.getValue())
                    .put(
                            "seedHex",
                            HexFormat.of().formatHex(sha256(key.getValue().getBytes(UTF_8))))
                    .put("publicKeyHex", HexFormat.of().formatHex(raw(pair)))
                    .put("keyId", SealSignatures.keyId(pair.getPublic()));
        }
        writeJson(dir.resolve("keys/keys.json"), keySeeds);

        ObjectNode pinned = json.createObjectNode().put("format", PinnedKeys.FORMAT);
        ArrayNode pinnedKeys = pinned.putArray("keys");
        pinnedKeys
                .addObject()
                .put("keyId", SealSignatures.keyId(keyA.getPublic()))
                .put("publicKeyPem", SealSignatures.pem(keyA.getPublic()))
                .put("validFromPosition", 1)
                .put("validToPosition", 4)
                .put("note", "TEST KEY A: signed the seals up to position 4, then retired");
        pinnedKeys
                .addObject()
                .put("keyId", SealSignatures.keyId(keyB.getPublic()))
                .put("publicKeyPem", SealSignatures.pem(keyB.getPublic()))
                .put("validFromPosition", 5)
                .putNull("validToPosition")
                .put("note", "TEST KEY B: signs the seals from position 5 on");
        writeJson(dir.resolve("pinned-keys.json"), pinned);

        // the export and its valid readings
        List<String> export = withEnd(ledger.lines(), ledger);
        writeLines(dir.resolve("export.ndjson"), export);
        cases.add(exportCase("export", "export.ndjson", null, "valid", "the whole export: 8 events, 4 seals"));
        writeJson(dir.resolve("anchors/seal-6.json"), EvidenceJson.sealLine(seal6));
        writeJson(dir.resolve("anchors/seal-8.json"), EvidenceJson.sealLine(seal8));
        writeJson(
                dir.resolve("anchors/forked-seal-6.json"),
                EvidenceJson.sealLine(forked.seals().get(6L)));
        cases.add(exportCase(
                "export-extends-anchor",
                "export.ndjson",
                "anchors/seal-6.json",
                "valid",
                "the export extends the seal at position 6 the auditor holds"));
        List<String> cut = withEnd(ledger.lines().subList(0, ledger.lineOfSeal(6) + 1), ledger);
        writeLines(dir.resolve("cut-at-seal-6.ndjson"), cut);
        cases.add(exportCase(
                "cut-export-alone",
                "cut-at-seal-6.ndjson",
                null,
                "valid",
                "an export cut after the seal at position 6 verifies as a valid shorter history on its own"));

        // invalid exports
        int line5 = ledger.lineOfEvent(5);
        List<String> changed = new ArrayList<>(export);
        changed.set(line5, export.get(line5).replace("\"count\":12", "\"count\":13"));
        cases.add(invalid(dir, "changed-byte", changed, null, "EVENT_HASH_MISMATCH", "one byte of a payload changed"));

        List<String> removed = new ArrayList<>(ledger.lines());
        removed.remove(ledger.lineOfEvent(7));
        cases.add(invalid(
                dir,
                "removed-line",
                withEnd(removed, ledger),
                null,
                "SEAL_CHAIN_MISMATCH",
                "the event line at position 7 removed (end line recomputed)"));

        List<String> duplicated = new ArrayList<>(export);
        duplicated.add(line5 + 1, export.get(line5));
        cases.add(invalid(
                dir, "duplicated-line", duplicated, null, "POSITION_NOT_INCREASING", "the event line at 5 twice"));

        List<String> reordered = new ArrayList<>(export);
        int line7 = ledger.lineOfEvent(7);
        int line8 = ledger.lineOfEvent(8);
        reordered.set(line7, export.get(line8));
        reordered.set(line8, export.get(line7));
        cases.add(invalid(
                dir,
                "reordered-lines",
                reordered,
                null,
                "POSITION_NOT_INCREASING",
                "the event lines at 7 and 8 swapped"));

        cases.add(invalid(
                dir,
                "unpinned-key",
                replaceSeal(export, ledger, SealSignatures.sign(unsigned(seal8), unpinned)),
                null,
                "SEAL_KEY_NOT_PINNED",
                "the seal at 8 re-signed with a key the auditor did not pin"));
        cases.add(invalid(
                dir,
                "retired-key",
                replaceSeal(export, ledger, SealSignatures.sign(unsigned(seal8), keyA)),
                null,
                "SEAL_KEY_OUT_OF_RANGE",
                "the seal at 8 re-signed with key A, pinned for positions 1 to 4 only"));
        cases.add(invalid(
                dir,
                "unsigned-after-signed",
                replaceSeal(export, ledger, unsigned(seal8)),
                null,
                "SEAL_UNSIGNED",
                "the signature of the seal at 8 removed"));
        Seal redated = new Seal(
                seal8.position(),
                seal8.eventsSealed(),
                seal8.chainHash(),
                seal8.sealedAt().plusMillis(1),
                seal8.keyId(),
                seal8.signature(),
                seal8.merkleRoot());
        cases.add(invalid(
                dir,
                "signature",
                replaceSeal(export, ledger, redated),
                null,
                "SEAL_SIGNATURE_INVALID",
                "the sealedAt of the seal at 8 moved by a millisecond"));
        Seal otherRoot = SealSignatures.sign(
                unsigned(seal8).withMerkleRoot(forked.seals().get(8L).merkleRoot()), keyB);
        cases.add(invalid(
                dir,
                "merkle-root",
                replaceSeal(export, ledger, otherRoot),
                null,
                "SEAL_MERKLE_ROOT_MISMATCH",
                "the seal at 8 signed over another tree's root"));

        List<String> dated = new ArrayList<>(export);
        dated.set(
                line5, export.get(line5).replace("\"businessDate\":\"2014-03-02\"", "\"businessDate\":\"2014-03-03\""));
        cases.add(invalid(
                dir,
                "business-date",
                dated,
                null,
                "BUSINESS_DATE_MISMATCH",
                "the derived businessDate of 5 is not its payload's recoveredOn"));

        List<String> hashField = new ArrayList<>(export);
        String hash5 = ledger.events().get(ledger.indexOf(5)).get("hash").asText();
        String shown = export.get(line5);
        hashField.set(line5, shown.substring(0, shown.lastIndexOf(hash5)) + "0".repeat(64) + "\"}");
        cases.add(invalid(
                dir,
                "hash-field",
                hashField,
                null,
                "HASH_FIELD_MISMATCH",
                "the line's hash of 5 is not its metadata's"));

        List<String> incomplete = new ArrayList<>(ledger.lines().subList(0, line5 + 1));
        incomplete.add("{\"incomplete\":{\"reason\":\"the stream reached its time bound of 300 s; ask again with"
                + " afterPosition to go on\",\"resumeAfterPosition\":5}}");
        cases.add(invalid(
                dir, "incomplete", incomplete, null, "EXPORT_INCOMPLETE", "a stream cut at its time bound, alone"));

        List<String> endMismatch = new ArrayList<>(export);
        endMismatch.set(
                export.size() - 1, export.get(export.size() - 1).replace("\"eventCount\":8", "\"eventCount\":9"));
        cases.add(invalid(
                dir,
                "end-mismatch",
                endMismatch,
                null,
                "END_MISMATCH",
                "the end line states 9 events, the file holds 8"));

        List<String> afterEnd = new ArrayList<>(export);
        afterEnd.add(export.get(export.size() - 2));
        cases.add(invalid(dir, "line-after-end", afterEnd, null, "LINE_AFTER_END", "an event line after the end line"));

        List<String> malformed = new ArrayList<>(export);
        malformed.add(3, "{\"position\":4,\"eventId\":\"x\"");
        cases.add(invalid(dir, "malformed", malformed, null, "LINE_MALFORMED", "a line that is not JSON"));

        cases.add(exportCase(
                "cut-against-anchor",
                "cut-at-seal-6.ndjson",
                "anchors/seal-8.json",
                "ANCHOR_NOT_REACHED",
                "the export cut after the seal at 6, checked against the seal at 8 the auditor holds"));
        writeLines(dir.resolve("invalid/forked.ndjson"), withEnd(forked.lines(), forked));
        cases.add(exportCase(
                "forked-alone",
                "invalid/forked.ndjson",
                null,
                "valid",
                "a history rewritten at position 5 and re-sealed with the pinned key verifies on its own"));
        cases.add(exportCase(
                "forked-against-anchor",
                "invalid/forked.ndjson",
                "anchors/seal-6.json",
                "ANCHOR_MISMATCH",
                "the rewritten history against the real seal at 6 the auditor holds"));

        // proofs
        int index5 = ledger.indexOf(5);
        ObjectNode inclusion = EvidenceJson.inclusionProof(
                ledger.events().get(index5), ledger.leaves().subList(0, 7), index5, seal8);
        writeJson(dir.resolve("proofs/inclusion.json"), inclusion);
        cases.add(proofCase(
                "inclusion", "inclusion", "proofs/inclusion.json", "valid", "the event at 5 in the seal at 8"));
        ObjectNode consistency = EvidenceJson.consistencyProof(ledger.leaves().subList(0, 7), seal6, seal8);
        writeJson(dir.resolve("proofs/consistency.json"), consistency);
        cases.add(proofCase(
                "consistency",
                "consistency",
                "proofs/consistency.json",
                "valid",
                "the seal at 8 extends the seal at 6"));

        ObjectNode otherEvent = inclusion.deepCopy();
        otherEvent.set("event", ledger.events().get(ledger.indexOf(7)));
        writeJson(dir.resolve("invalid/inclusion-other-event.json"), otherEvent);
        cases.add(proofCase(
                "inclusion-other-event",
                "inclusion",
                "invalid/inclusion-other-event.json",
                "INCLUSION_PROOF_INVALID",
                "the path of the event at 5 offered for the event at 7"));
        ObjectNode unrelated = consistency.deepCopy();
        unrelated.set("first", EvidenceJson.seal(forked.seals().get(6L)));
        writeJson(dir.resolve("invalid/consistency-unrelated.json"), unrelated);
        cases.add(proofCase(
                "consistency-unrelated",
                "consistency",
                "invalid/consistency-unrelated.json",
                "CONSISTENCY_PROOF_INVALID",
                "the seal at 6 of the rewritten history and the real seal at 8"));
        ObjectNode unpinnedSeal = inclusion.deepCopy();
        unpinnedSeal.set("seal", EvidenceJson.seal(SealSignatures.sign(unsigned(seal8), unpinned)));
        writeJson(dir.resolve("invalid/inclusion-unpinned-seal.json"), unpinnedSeal);
        cases.add(proofCase(
                "inclusion-unpinned-seal",
                "inclusion",
                "invalid/inclusion-unpinned-seal.json",
                "SEAL_KEY_NOT_PINNED",
                "a valid path against a seal re-signed with an unpinned key"));
        ObjectNode noRoot = inclusion.deepCopy();
        noRoot.set("seal", EvidenceJson.seal(ledger.seals().get(3L)));
        writeJson(dir.resolve("invalid/inclusion-seal-without-root.json"), noRoot);
        cases.add(proofCase(
                "inclusion-seal-without-root",
                "inclusion",
                "invalid/inclusion-seal-without-root.json",
                "SEAL_WITHOUT_MERKLE_ROOT",
                "a seal made before seals carried a Merkle root proves no inclusion"));

        writeCases(dir, cases);
        writeDetails(dir, ledger);
    }

    /** event.json, chain-step.json, seal.json and merkle.json: the bytes of one of each, step by step. */
    private void writeDetails(Path dir, Ledger ledger) throws IOException {
        int index = ledger.indexOf(5);
        ObjectNode line = ledger.events().get(index);
        ObjectNode metadata = line.get("metadata").deepCopy();
        metadata.remove(List.of(EventHash.HASH, EventHash.PREVIOUS_HASH));
        ObjectNode envelope = json.createObjectNode()
                .put("version", "border-ledger/event-hash/v2")
                .put("aggregateType", line.get("aggregateType").asText())
                .put("aggregateId", line.get("aggregateId").asText())
                .put("sequenceNumber", line.get("sequenceNumber").asLong())
                .put("eventId", line.get("eventId").asText())
                .put("payloadType", line.get("eventType").asText())
                .putNull("payloadRevision")
                .put("recordedAt", line.get("recordedAt").asText());
        envelope.set("payload", line.get("payload"));
        envelope.set("metadata", metadata);
        envelope.put(
                "previousHash",
                line.get("metadata").get(EventHash.PREVIOUS_HASH).asText());
        byte[] canonical = Jcs.canonicalize(json.writeValueAsString(envelope));
        ObjectNode event = json.createObjectNode().put("description", "the event at position 5, hash version 2");
        event.set("line", line);
        event.put("canonicalText", new String(canonical, UTF_8));
        event.put("canonicalHex", HexFormat.of().formatHex(canonical));
        event.put("hash", HexFormat.of().formatHex(sha256(canonical)));
        writeJson(dir.resolve("event.json"), event);

        String previousChain = SealChain.GENESIS;
        for (int i = 0; i < index; i++) {
            ObjectNode e = ledger.events().get(i);
            previousChain = SealChain.next(
                    previousChain, e.get("position").asLong(), e.get("hash").asText());
        }
        String hash = line.get("hash").asText();
        byte[] input = concat(lp("border-ledger/seal-chain/v1"), lp(previousChain), lp("5"), lp(hash));
        ObjectNode step = json.createObjectNode()
                .put("description", "the chain step of the event at position 5, the 4th event (c_4 from c_3)")
                .put("previousChain", previousChain)
                .put("position", 5)
                .put("eventHash", hash)
                .put("inputHex", HexFormat.of().formatHex(input))
                .put("output", SealChain.next(previousChain, 5, hash));
        writeJson(dir.resolve("chain-step.json"), step);

        ObjectNode seals = json.createObjectNode();
        for (var entry : List.of(Map.entry("withMerkleRoot", 8L), Map.entry("withoutMerkleRoot", 3L))) {
            Seal seal = ledger.seals().get(entry.getValue());
            KeyPair key = seal.keyId().equals(SealSignatures.keyId(keyA.getPublic())) ? keyA : keyB;
            byte[] statement = SealSignatures.statement(seal, seal.keyId());
            ObjectNode one = seals.putObject(entry.getKey());
            one.set("seal", EvidenceJson.seal(seal));
            one.put("statementText", new String(statement, UTF_8))
                    .put("statementHex", HexFormat.of().formatHex(statement))
                    .put("publicKeyPem", SealSignatures.pem(key.getPublic()))
                    .put(
                            "publicKeyDerHex",
                            HexFormat.of().formatHex(key.getPublic().getEncoded()))
                    .put("keyId", seal.keyId())
                    .put("signature", seal.signature())
                    .put(
                            "signatureHex",
                            HexFormat.of().formatHex(Base64.getDecoder().decode(seal.signature())));
        }
        writeJson(dir.resolve("seal.json"), seals);

        ObjectNode merkle = json.createObjectNode()
                .put("description", "the leaves in sealing order and the root of every prefix of the tree");
        ArrayNode leaves = merkle.putArray("leaves");
        ArrayNode roots = merkle.putArray("roots");
        for (int i = 0; i < ledger.events().size(); i++) {
            ObjectNode e = ledger.events().get(i);
            byte[] leafInput = MerkleTree.leafInput(
                    e.get("position").asLong(), e.get("hash").asText());
            leaves.addObject()
                    .put("index", i)
                    .put("position", e.get("position").asLong())
                    .put("eventHash", e.get("hash").asText())
                    .put("leafInputHex", HexFormat.of().formatHex(leafInput))
                    .put("leafHash", MerkleTree.hex(MerkleTree.leafHash(leafInput)));
            roots.addObject()
                    .put("treeSize", i + 1)
                    .put("root", MerkleTree.hex(MerkleTree.root(ledger.leaves().subList(0, i + 1))));
        }
        writeJson(dir.resolve("merkle.json"), merkle);
    }

    private static List<String> withEnd(List<String> lines, Ledger ledger) throws IOException {
        List<String> all = new ArrayList<>(lines);
        long events = 0;
        Long lastPosition = null;
        Seal lastSeal = null;
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            if (node.has("seal")) {
                lastSeal = ledger.seals().get(node.get("seal").get("position").asLong());
            } else {
                events++;
                lastPosition = node.get("position").asLong();
            }
        }
        all.add(json.writeValueAsString(EvidenceJson.endLine(events, lastPosition, lastSeal)));
        return all;
    }

    private static List<String> replaceSeal(List<String> export, Ledger ledger, Seal seal) throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.set(ledger.lineOfSeal(seal.position()), json.writeValueAsString(EvidenceJson.sealLine(seal)));
        return lines;
    }

    private static Seal unsigned(Seal seal) {
        return new Seal(
                seal.position(), seal.eventsSealed(), seal.chainHash(), seal.sealedAt(), null, null, seal.merkleRoot());
    }

    private static ObjectNode exportCase(String name, String file, String anchor, String expect, String description) {
        ObjectNode c = json.createObjectNode().put("name", name).put("kind", "export");
        c.putArray("files").add(file);
        c.put("pinnedKeys", "pinned-keys.json");
        if (anchor == null) {
            c.putNull("anchor");
        } else {
            c.put("anchor", anchor);
        }
        return c.put("expect", expect).put("description", description);
    }

    private static ObjectNode invalid(
            Path dir, String name, List<String> lines, String anchor, String expect, String description)
            throws IOException {
        String file = "invalid/" + name + ".ndjson";
        writeLines(dir.resolve(file), lines);
        return exportCase(name, file, anchor, expect, description);
    }

    private static ObjectNode proofCase(String name, String kind, String file, String expect, String description) {
        ObjectNode c = json.createObjectNode().put("name", name).put("kind", kind);
        c.putArray("files").add(file);
        return c.put("pinnedKeys", "pinned-keys.json")
                .putNull("anchor")
                .put("expect", expect)
                .put("description", description);
    }

    private static void writeCases(Path dir, List<ObjectNode> cases) throws IOException {
        ObjectNode all = json.createObjectNode()
                .put(
                        "description",
                        "Every vector case: kind export (files checked together, in order, with the"
                                + " pinned keys and the anchor), inclusion or consistency (one proof file); expect is"
                                + " \"valid\" or the rejection code of contract/evidence.md section 11 a verifier must give");
        ArrayNode list = all.putArray("cases");
        cases.forEach(list::add);
        writeJson(dir.resolve("cases.json"), all);
    }

    /** The Ed25519 key pair whose private key is the SHA-256 of {@code seedText}. */
    static KeyPair key(String seedText) {
        byte[] der =
                concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), sha256(seedText.getBytes(UTF_8)));
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return SealSignatures.readPrivateKey(SealSignatures.pem(key));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] raw(KeyPair pair) {
        byte[] der = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    private static byte[] lp(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return ByteBuffer.allocate(4 + bytes.length)
                .putInt(bytes.length)
                .put(bytes)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
    }

    private static void writeJson(Path file, JsonNode node) throws IOException {
        writeText(file, pretty.writeValueAsString(node) + "\n");
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        writeText(file, String.join("\n", lines) + "\n");
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "contract/vectors");
        new VectorGenerator().write(dir);
        System.out.println("wrote the vectors to " + dir.toAbsolutePath());
    }
}
