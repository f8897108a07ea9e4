package org.borderledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.borderledger.evidence.BusinessDate;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.PinnedKeys;
import org.borderledger.evidence.Rejection;
import org.borderledger.evidence.Seal;

/**
 * Checks one export, or several that continue each other (a stream cut at its time bound and the rest asked for with
 * {@code afterPosition}), in order, as {@code contract/evidence.md} section 10 says: the shared {@link EvidenceWalk}
 * checks every event's hash by its own version, each aggregate's sequence and links, the chain and the Merkle root
 * against every seal and every seal's signature against the pinned keys; this class adds what only an export has (the
 * lines' order, their derived {@code hash} and {@code businessDate}, the {@code end} and {@code incomplete} lines) and
 * the auditor's anchor. Only a seal whose signature counts ties events to the ledger, so the events after the last
 * such seal are reported as unsealed.
 */
final class OfflineVerification {

    /**
     * What the check found.
     *
     * @param firstBrokenLine the line (counted over all files, from 1) of the first break, null when none or after
     *     the last line
     * @param eventsUnsealed events after the last seal whose signature counts: checked, but covered by no signed
     *     seal, so never verified
     * @param unsignedSeals seals without a signature, made before seals were signed: they prove nothing by themselves
     * @param eventsHashVersion1 events hashed by version 1
     * @param endStated whether the export ends with an {@code end} line stating its last seal
     * @param anchor the auditor's anchor seal, or null
     */
    record Report(
            boolean valid,
            long eventsChecked,
            long sealsChecked,
            EvidenceWalk.Broken firstBroken,
            Long firstBrokenLine,
            Seal lastSeal,
            Seal lastSignedSeal,
            long eventsUnsealed,
            long unsignedSeals,
            long eventsHashVersion1,
            boolean endStated,
            Seal anchor) {}

    private OfflineVerification() {}

    static Report check(List<Path> exports, PinnedKeys keys, Seal anchor) throws IOException {
        EvidenceWalk walk = new EvidenceWalk(EvidenceWalk.Start.GENESIS, keys, MerkleTree.Frontier.EMPTY);
        State state = new State();
        if (anchor != null) {
            trustAnchor(walk, keys, anchor);
        }
        reading:
        for (Path export : exports) {
            long offset = state.lines;
            ExportReader.Line ended = null;
            long fileEvents = 0;
            Long fileLastPosition = null;
            Seal fileLastSeal = null;
            try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                ExportReader reader = new ExportReader(lines);
                for (ExportReader.Line line = reader.next(); line != null; line = reader.next()) {
                    state.lines = offset + reader.lineNumber();
                    if (ended != null) {
                        walk.broken(
                                state.lastEventPosition == null ? 0 : state.lastEventPosition,
                                null,
                                export.getFileName() + " line " + reader.lineNumber()
                                        + ": a line after the end of the stream",
                                Rejection.LINE_AFTER_END);
                        state.noteBreak(walk);
                        break reading;
                    }
                    if (line instanceof ExportReader.EventLine event) {
                        event(walk, state, event, anchor);
                        fileEvents++;
                        fileLastPosition = event.event().position();
                    } else if (line instanceof ExportReader.SealLine sealLine) {
                        seal(walk, state, sealLine.seal());
                        fileLastSeal = sealLine.seal();
                    } else if (line instanceof ExportReader.EndLine end) {
                        ended = end;
                        if (end.eventCount() != fileEvents
                                || !Objects.equals(end.lastPosition(), fileLastPosition)
                                || !Objects.equals(
                                        end.lastSealPosition(), fileLastSeal == null ? null : fileLastSeal.position())
                                || !Objects.equals(
                                        end.lastSealChainHash(),
                                        fileLastSeal == null ? null : fileLastSeal.chainHash())) {
                            walk.broken(
                                    fileLastPosition == null ? 0 : fileLastPosition,
                                    null,
                                    export.getFileName() + " states " + end.eventCount() + " events up to position "
                                            + end.lastPosition() + " and its last seal at "
                                            + end.lastSealPosition() + ", but holds " + fileEvents
                                            + " events up to position " + fileLastPosition + " and its last seal at "
                                            + (fileLastSeal == null ? null : fileLastSeal.position()),
                                    Rejection.END_MISMATCH);
                        }
                    } else {
                        ended = line;
                    }
                    state.noteBreak(walk);
                }
            } catch (ExportReader.Unreadable unreadable) {
                state.lines = offset + unreadable.lineNumber();
                walk.broken(
                        state.lastEventPosition == null ? 0 : state.lastEventPosition,
                        null,
                        export.getFileName() + " " + unreadable.getMessage(),
                        Rejection.LINE_MALFORMED);
                state.noteBreak(walk);
                break;
            }
            state.endStated = ended instanceof ExportReader.EndLine;
            if (ended instanceof ExportReader.IncompleteLine incomplete
                    && export.equals(exports.get(exports.size() - 1))) {
                walk.broken(
                        state.lastEventPosition == null ? 0 : state.lastEventPosition,
                        null,
                        "the export stops after position " + incomplete.resumeAfterPosition() + " ("
                                + incomplete.reason() + "): export the rest with afterPosition="
                                + incomplete.resumeAfterPosition() + " and check the files together, in order",
                        Rejection.EXPORT_INCOMPLETE);
                state.noteBreak(walk);
            }
        }
        if (anchor != null && !state.anchorReached) {
            walk.broken(
                    anchor.position(),
                    null,
                    "the export ends at position " + state.lastEventPosition + ", before the anchor seal at position "
                            + anchor.position() + ": it is cut short of a history already sealed",
                    Rejection.ANCHOR_NOT_REACHED);
        }
        EvidenceWalk.Result result = walk.finish(OptionalLong.empty(), true);
        return new Report(
                result.valid(),
                result.eventsChecked(),
                result.sealsChecked(),
                result.firstBroken(),
                state.breakLine,
                result.lastSeal(),
                result.lastSignedSeal(),
                result.lastSignedSeal() == null ? result.eventsChecked() : state.afterTrusted,
                walk.unsignedSeals(),
                state.versionOne,
                state.endStated,
                anchor);
    }

    /** What the pass keeps beside the walk. */
    private static final class State {
        long lines;
        Long breakLine;
        Long lastEventPosition;
        Long lastSealPosition;
        long afterTrusted;
        long versionOne;
        boolean anchorReached;
        boolean endStated;

        void noteBreak(EvidenceWalk walk) {
            if (breakLine == null && walk.firstBroken() != null) {
                breakLine = lines;
            }
        }
    }

    private static void trustAnchor(EvidenceWalk walk, PinnedKeys keys, Seal anchor) {
        PinnedKeys.Verdict verdict = keys.check(anchor);
        if (verdict == PinnedKeys.Verdict.VALID) {
            return;
        }
        Rejection code =
                switch (verdict) {
                    case UNSIGNED -> Rejection.SEAL_UNSIGNED;
                    case KEY_NOT_PINNED -> Rejection.SEAL_KEY_NOT_PINNED;
                    case KEY_OUT_OF_RANGE -> Rejection.SEAL_KEY_OUT_OF_RANGE;
                    default -> Rejection.SEAL_SIGNATURE_INVALID;
                };
        walk.broken(
                anchor.position(),
                null,
                "the anchor seal at position " + anchor.position() + " is not trusted: "
                        + ProofVerification.words(verdict, anchor),
                code);
    }

    private static void event(EvidenceWalk walk, State state, ExportReader.EventLine line, Seal anchor) {
        var event = line.event();
        walk.event(event, null);
        JsonNode metadata = line.line().get("metadata");
        JsonNode stated = line.line().get("hash");
        if (!Objects.equals(text(stated), text(metadata.get(EventHash.HASH)))) {
            walk.broken(
                    event.position(),
                    event.aggregateId(),
                    "the line's hash is not its metadata's hash",
                    Rejection.HASH_FIELD_MISMATCH);
        }
        if (line.line().has("businessDate")) {
            String derived = BusinessDate.of(line.line().get("payload"));
            String shown = text(line.line().get("businessDate"));
            if (!Objects.equals(shown, derived)) {
                walk.broken(
                        event.position(),
                        event.aggregateId(),
                        "businessDate " + shown + " is not the payload's date " + derived,
                        Rejection.BUSINESS_DATE_MISMATCH);
            }
        }
        if (anchor != null && !state.anchorReached && event.position() >= anchor.position()) {
            state.anchorReached = true;
            boolean same = event.position() == anchor.position()
                    && walk.chained() == anchor.eventsSealed()
                    && walk.chain().equals(anchor.chainHash())
                    && (anchor.merkleRoot() == null
                            || anchor.merkleRoot()
                                    .equals(MerkleTree.hex(walk.tree().root())));
            if (!same) {
                walk.broken(
                        event.position(),
                        event.aggregateId(),
                        "the export's history up to position " + anchor.position()
                                + " is not the one the anchor seal sealed: it was rewritten since",
                        Rejection.ANCHOR_MISMATCH);
            }
        }
        if (!metadata.has(EventHash.VERSION)) {
            state.versionOne++;
        }
        state.lastEventPosition = event.position();
        state.afterTrusted++;
    }

    private static void seal(EvidenceWalk walk, State state, Seal seal) {
        if (state.lastSealPosition != null && seal.position() <= state.lastSealPosition) {
            walk.broken(
                    seal.position(),
                    null,
                    "seal at position " + seal.position() + " follows the seal at position " + state.lastSealPosition,
                    Rejection.SEAL_OUT_OF_PLACE);
        } else if (state.lastEventPosition == null || seal.position() > state.lastEventPosition) {
            walk.broken(
                    seal.position(),
                    null,
                    "global seal mismatch at position " + seal.position()
                            + ": events deleted or reordered before it (the event at its position is not before it)",
                    Rejection.SEAL_CHAIN_MISMATCH);
        } else {
            EvidenceWalk.Broken before = walk.firstBroken();
            walk.seal(seal);
            if (before == null && walk.firstBroken() == null && seal.signed()) {
                state.afterTrusted = 0;
            }
        }
        state.lastSealPosition = seal.position();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
