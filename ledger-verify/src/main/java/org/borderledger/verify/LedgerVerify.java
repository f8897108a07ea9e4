package org.borderledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.PinnedKeys;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealSignatures;

/**
 * The auditor's offline verifier ({@code contract/evidence.md}):
 *
 * <ul>
 *   <li>{@code java -jar ledger-verify.jar --pinned-keys PINNED.json [--anchor SEAL.json] EXPORT.ndjson …} checks an
 *       export and prints the result as JSON in the shape of {@code GET /api/audit/verify} ({@code valid},
 *       {@code eventsChecked}, {@code sealsChecked}, {@code firstBroken} with its {@code code}, {@code lastSeal}),
 *       plus the last signed seal, the unsealed events, the unsigned seals and the anchor;
 *   <li>{@code java -jar ledger-verify.jar prove inclusion|consistency --pinned-keys PINNED.json PROOF.json} checks a
 *       proof without the export.
 * </ul>
 *
 * {@code --public-key KEY.pem|DIR} instead of {@code --pinned-keys} trusts the given keys for every position. Exit
 * status 0 when the evidence holds, 1 when it is rejected, 2 when it cannot be checked (usage, unreadable file or key).
 */
public final class LedgerVerify {

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int UNUSABLE = 2;

    private static final String USAGE = "usage: java -jar ledger-verify.jar (--pinned-keys PINNED.json"
            + " | --public-key KEY.pem|KEYS_DIR …) [--anchor SEAL.json] EXPORT.ndjson [MORE.ndjson …]\n"
            + "       java -jar ledger-verify.jar prove inclusion|consistency --pinned-keys PINNED.json PROOF.json\n"
            + "  PINNED.json: the auditor's pinned key file (contract/evidence.md 7.3): keys obtained out of band, each"
            + " valid for a range of seal positions\n"
            + "  KEY.pem: a public seal key trusted at every position; a directory: every *.pem in it\n"
            + "  SEAL.json: a seal verified earlier (a seal object or a seal line): the export must extend it\n"
            + "  EXPORT.ndjson: GET /api/audit/events with Accept: application/x-ndjson and no filter; several files"
            + " that continue each other are checked together, in order\n"
            + "  PROOF.json: GET /api/audit/events/{position}/proof, or a consistency proof between two seals";

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LedgerVerify() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check with the command line's arguments; answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean prove = args.length > 0 && args[0].equals("prove");
        String proofKind = prove && args.length > 1 ? args[1] : null;
        List<Path> keys = new ArrayList<>();
        Path pinned = null;
        Path anchor = null;
        List<Path> files = new ArrayList<>();
        for (int i = prove ? 2 : 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                keys.add(Path.of(args[++i]));
            } else if (args[i].equals("--pinned-keys") && i + 1 < args.length && pinned == null) {
                pinned = Path.of(args[++i]);
            } else if (args[i].equals("--anchor") && i + 1 < args.length && anchor == null && !prove) {
                anchor = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                return usage(err);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (keys.isEmpty() == (pinned == null) || files.isEmpty()) {
            return usage(err);
        }
        if (prove && (files.size() != 1 || !List.of("inclusion", "consistency").contains(proofKind))) {
            return usage(err);
        }
        try {
            PinnedKeys trusted = pinned != null ? pinnedKeys(pinned) : PinnedKeys.unbounded(trustedKeys(keys));
            if (prove) {
                return prove(proofKind, files.get(0), trusted, out, err);
            }
            Seal anchorSeal = anchor == null ? null : anchor(anchor);
            OfflineVerification.Report report = OfflineVerification.check(files, trusted, anchorSeal);
            out.println(json.writeValueAsString(view(report)));
            if (report.valid()) {
                err.println("intact: " + report.eventsChecked() + " events, " + report.sealsChecked()
                        + " seals, the last signed one at position "
                        + report.lastSignedSeal().position()
                        + " by key " + report.lastSignedSeal().keyId() + "; " + report.eventsUnsealed()
                        + " events after it are unsealed (their hashes and links hold, but no signed seal covers"
                        + " them yet)"
                        + (report.unsignedSeals() == 0 ? "" : "; " + report.unsignedSeals() + " unsigned seals")
                        + (report.eventsHashVersion1() == 0
                                ? ""
                                : "; " + report.eventsHashVersion1() + " events of hash version 1")
                        + (anchorSeal == null
                                ? ""
                                : "; it extends the anchor seal at position " + anchorSeal.position())
                        + (report.endStated() ? "" : "; the export states no end line"));
                return INTACT;
            }
            EvidenceWalk.Broken broken = report.firstBroken();
            err.println("BROKEN at position " + broken.position()
                    + (broken.aggregateId() == null ? "" : " (aggregate " + broken.aggregateId() + ")") + ": "
                    + broken.reason() + " [" + broken.code() + "]");
            return BROKEN;
        } catch (IOException e) {
            err.println("cannot check: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return UNUSABLE;
    }

    private static int prove(String kind, Path file, PinnedKeys keys, PrintStream out, PrintStream err)
            throws IOException {
        JsonNode proof;
        try {
            proof = ExportReader.json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            throw new IOException(file + " is not JSON: " + notJson.getMessage(), notJson);
        }
        ProofVerification.Outcome outcome = kind.equals("inclusion")
                ? ProofVerification.inclusion(proof, keys)
                : ProofVerification.consistency(proof, keys);
        ObjectNode view = json.createObjectNode().put("proof", kind).put("valid", outcome.valid());
        if (outcome.valid()) {
            view.put("proves", outcome.summary());
            out.println(json.writeValueAsString(view));
            err.println("proved: " + outcome.summary());
            return INTACT;
        }
        view.putObject("rejection").put("code", outcome.code().name()).put("reason", outcome.reason());
        out.println(json.writeValueAsString(view));
        err.println("REJECTED: " + outcome.reason() + " [" + outcome.code() + "]");
        return BROKEN;
    }

    static PinnedKeys pinnedKeys(Path file) throws IOException {
        try {
            return PinnedKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Seal anchor(Path file) throws IOException {
        try {
            return EvidenceJson.readSeal(ExportReader.json.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IOException(file + " is not a seal: " + e.getMessage(), e);
        }
    }

    /** The public keys in the given PEM files and directories, by key id. */
    static Map<String, PublicKey> trustedKeys(List<Path> paths) throws IOException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (Path path : paths) {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    files = listed.filter(file -> file.toString().endsWith(".pem"))
                            .sorted()
                            .toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path file : files) {
                try {
                    PublicKey key = SealSignatures.readPublicKey(Files.readString(file, StandardCharsets.US_ASCII));
                    keys.put(SealSignatures.keyId(key), key);
                } catch (IOException e) {
                    throw new IOException(file + ": " + e.getMessage(), e);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IOException("no public key in " + paths);
        }
        return keys;
    }

    private static ObjectNode view(OfflineVerification.Report report) {
        ObjectNode view = json.createObjectNode();
        view.put("valid", report.valid());
        view.put("eventsChecked", report.eventsChecked());
        view.put("sealsChecked", report.sealsChecked());
        EvidenceWalk.Broken broken = report.firstBroken();
        if (broken == null) {
            view.putNull("firstBroken");
        } else {
            ObjectNode first = view.putObject("firstBroken")
                    .put("position", broken.position())
                    .put("aggregateId", broken.aggregateId())
                    .put("reason", broken.reason())
                    .put("code", broken.code() == null ? null : broken.code().name());
            if (report.firstBrokenLine() != null) {
                first.put("line", report.firstBrokenLine());
            }
        }
        view.set("lastSeal", seal(report.lastSeal()));
        view.set("lastSignedSeal", seal(report.lastSignedSeal()));
        view.put("eventsAfterLastSignedSeal", report.eventsUnsealed());
        view.put("eventsUnsealed", report.eventsUnsealed());
        view.put("unsignedSeals", report.unsignedSeals());
        view.put("eventsHashVersion1", report.eventsHashVersion1());
        view.put("endStated", report.endStated());
        view.set("anchor", seal(report.anchor()));
        return view;
    }

    private static ObjectNode seal(Seal seal) {
        return seal == null ? null : EvidenceJson.seal(seal);
    }
}
