package org.borderledger.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.Seal;

/**
 * Checks one export, or several that continue each other (a stream cut at its time bound and the rest asked for with
 * {@code afterPosition}), in order, with the shared {@link EvidenceWalk}: every event's hash by its own version, each
 * aggregate's sequence and links, the chain against every seal, every seal's signature against the trusted keys, and
 * at least one seal signed by one of them, since only a signature ties the export to the ledger.
 */
final class OfflineVerification {

    /**
     * What the check found.
     *
     * @param eventsAfterLastSignedSeal events after the last signed seal: covered only by their hash links until a
     *     later seal is signed
     */
    record Report(
            boolean valid,
            long eventsChecked,
            long sealsChecked,
            EvidenceWalk.Broken firstBroken,
            Seal lastSeal,
            Seal lastSignedSeal,
            long eventsAfterLastSignedSeal) {}

    private OfflineVerification() {}

    static Report check(List<Path> exports, Map<String, PublicKey> trustedKeys) throws IOException {
        EvidenceWalk walk = new EvidenceWalk(EvidenceWalk.Start.GENESIS, trustedKeys);
        long lastPosition = 0;
        long afterSigned = 0;
        ExportReader.IncompleteLine incomplete = null;
        reading:
        for (Path export : exports) {
            try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                ExportReader reader = new ExportReader(lines);
                for (ExportReader.Line line = reader.next(); line != null; line = reader.next()) {
                    if (incomplete != null) {
                        walk.broken(
                                lastPosition,
                                null,
                                export.getFileName() + " line " + reader.lineNumber()
                                        + ": a line after the end of the stream");
                        break reading;
                    }
                    if (line instanceof ExportReader.EventLine event) {
                        walk.event(event.event(), null);
                        lastPosition = event.event().position();
                        afterSigned++;
                    } else if (line instanceof ExportReader.SealLine seal) {
                        walk.seal(seal.seal());
                    } else {
                        incomplete = (ExportReader.IncompleteLine) line;
                    }
                    if (line instanceof ExportReader.SealLine seal
                            && seal.seal().signed()) {
                        afterSigned = 0;
                    }
                }
            } catch (ExportReader.Unreadable unreadable) {
                walk.broken(lastPosition, null, export.getFileName() + " " + unreadable.getMessage());
                break;
            }
            if (incomplete != null && export != exports.get(exports.size() - 1)) {
                incomplete = null;
            }
        }
        if (incomplete != null) {
            walk.broken(
                    lastPosition,
                    null,
                    "the export stops after position " + incomplete.resumeAfterPosition() + " (" + incomplete.reason()
                            + "): export the rest with afterPosition=" + incomplete.resumeAfterPosition()
                            + " and check the files together, in order");
        }
        EvidenceWalk.Result result = walk.finish(OptionalLong.empty(), true);
        return new Report(
                result.valid(),
                result.eventsChecked(),
                result.sealsChecked(),
                result.firstBroken(),
                result.lastSeal(),
                result.lastSignedSeal(),
                result.lastSignedSeal() == null ? result.eventsChecked() : afterSigned);
    }
}
