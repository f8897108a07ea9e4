package org.borderledger.verify;

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
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealSignatures;

/**
 * {@code java -jar ledger-verify.jar --public-key seal-key.pub.pem export.ndjson}: checks an export of the event store
 * offline and prints the result as JSON in the shape of {@code GET /api/audit/verify} ({@code valid},
 * {@code eventsChecked}, {@code sealsChecked}, {@code firstBroken}, {@code lastSeal}), plus the last signed seal.
 * Exit status 0 when the export is intact, 1 when it is broken, 2 when it cannot be checked (usage, unreadable file or
 * key).
 */
public final class LedgerVerify {

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int UNUSABLE = 2;

    private static final String USAGE = "usage: java -jar ledger-verify.jar --public-key KEY.pem|KEYS_DIR"
            + " [--public-key …] EXPORT.ndjson [MORE.ndjson …]\n"
            + "  KEY.pem: the ledger's public seal key (PEM); a directory: every *.pem in it (keys of earlier"
            + " rotations)\n"
            + "  EXPORT.ndjson: GET /api/audit/events with Accept: application/x-ndjson and no filter; several files"
            + " that continue each other are checked together, in order";

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LedgerVerify() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check with the command line's arguments; answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> keys = new ArrayList<>();
        List<Path> exports = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                keys.add(Path.of(args[++i]));
            } else if (args[i].startsWith("-")) {
                err.println(USAGE);
                return UNUSABLE;
            } else {
                exports.add(Path.of(args[i]));
            }
        }
        if (keys.isEmpty() || exports.isEmpty()) {
            err.println(USAGE);
            return UNUSABLE;
        }
        try {
            Map<String, PublicKey> trusted = trustedKeys(keys);
            OfflineVerification.Report report = OfflineVerification.check(exports, trusted);
            out.println(json.writeValueAsString(view(report)));
            if (report.valid()) {
                err.println("intact: " + report.eventsChecked() + " events, " + report.sealsChecked()
                        + " seals, the last signed one at position "
                        + report.lastSignedSeal().position()
                        + " by key " + report.lastSignedSeal().keyId() + "; " + report.eventsAfterLastSignedSeal()
                        + " events after it are covered by their hash links only");
                return INTACT;
            }
            EvidenceWalk.Broken broken = report.firstBroken();
            err.println("BROKEN at position " + broken.position()
                    + (broken.aggregateId() == null ? "" : " (aggregate " + broken.aggregateId() + ")") + ": "
                    + broken.reason());
            return BROKEN;
        } catch (IOException e) {
            err.println("cannot check: " + e.getMessage());
            return UNUSABLE;
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
        view.set("firstBroken", json.valueToTree(report.firstBroken()));
        view.set("lastSeal", seal(report.lastSeal()));
        view.set("lastSignedSeal", seal(report.lastSignedSeal()));
        view.put("eventsAfterLastSignedSeal", report.eventsAfterLastSignedSeal());
        return view;
    }

    private static ObjectNode seal(Seal seal) {
        if (seal == null) {
            return null;
        }
        ObjectNode view = json.createObjectNode();
        view.put("position", seal.position());
        view.put("eventsSealed", seal.eventsSealed());
        view.put("chainHash", seal.chainHash());
        view.put("sealedAt", seal.sealedAtText());
        view.put("keyId", seal.keyId());
        view.put("signature", seal.signature());
        return view;
    }
}
