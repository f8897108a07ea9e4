package org.borderledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.borderledger.evidence.BusinessDate;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.PinnedKeys;
import org.borderledger.evidence.Rejection;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;

/**
 * Checks an inclusion proof (one event is in the ledger as a signed seal sealed it) or a consistency proof (the ledger
 * at a later signed seal extends the ledger at an earlier one) without the export, in the order
 * {@code contract/evidence.md} section 9 gives.
 */
final class ProofVerification {

    /** A proof's verdict: valid, or the first rejection with its code. */
    record Outcome(Rejection code, String reason, String summary) {

        static Outcome valid(String summary) {
            return new Outcome(null, null, summary);
        }

        static Outcome rejected(Rejection code, String reason) {
            return new Outcome(code, reason, null);
        }

        boolean valid() {
            return code == null;
        }
    }

    private ProofVerification() {}

    static Outcome inclusion(JsonNode proof, PinnedKeys keys) {
        long leafIndex;
        long treeSize;
        StoredEvent event;
        List<byte[]> path;
        Seal seal;
        try {
            requireKind(proof, EvidenceJson.INCLUSION);
            leafIndex = EvidenceJson.whole(proof, "leafIndex", 0);
            treeSize = EvidenceJson.whole(proof, "treeSize", 1);
            event = ExportReader.event(proof.get("event"));
            path = EvidenceJson.readPath(proof);
            seal = EvidenceJson.readSeal(proof.get("seal"));
        } catch (IOException malformed) {
            return Outcome.rejected(Rejection.LINE_MALFORMED, "the proof is malformed: " + malformed.getMessage());
        }
        Outcome trust = trusted(seal, keys, "the seal");
        if (trust != null) {
            return trust;
        }
        if (seal.merkleRoot() == null) {
            return Outcome.rejected(
                    Rejection.SEAL_WITHOUT_MERKLE_ROOT,
                    "the seal at position " + seal.position() + " carries no Merkle root: it proves no inclusion");
        }
        JsonNode line = proof.get("event");
        EventHash.Stored stored;
        try {
            stored = EventHash.read(event.metaData());
        } catch (IOException notJson) {
            return Outcome.rejected(Rejection.LINE_MALFORMED, "the event's metadata is not a JSON object");
        }
        if (stored.versionNumber() < 0) {
            return Outcome.rejected(Rejection.HASH_VERSION_UNKNOWN, "unknown hash version " + stored.version());
        }
        if (stored.hash() == null || !stored.hash().equals(EventHash.recompute(event, stored))) {
            return Outcome.rejected(
                    Rejection.EVENT_HASH_MISMATCH,
                    "the event at position " + event.position() + " is not the event its hash was made of");
        }
        if (!Objects.equals(text(line.get("hash")), stored.hash())) {
            return Outcome.rejected(Rejection.HASH_FIELD_MISMATCH, "the event's hash is not its metadata's hash");
        }
        if (line.has("businessDate")
                && !Objects.equals(text(line.get("businessDate")), BusinessDate.of(line.get("payload")))) {
            return Outcome.rejected(
                    Rejection.BUSINESS_DATE_MISMATCH, "the event's businessDate is not the payload's date");
        }
        if (treeSize != seal.eventsSealed()
                || event.position() > seal.position()
                || !MerkleTree.verifyInclusion(
                        leafIndex,
                        treeSize,
                        MerkleTree.leafHash(event.position(), stored.hash()),
                        path,
                        MerkleTree.bytes(seal.merkleRoot()))) {
            return Outcome.rejected(
                    Rejection.INCLUSION_PROOF_INVALID,
                    "the path does not lead from the event at position " + event.position() + " (leaf " + leafIndex
                            + " of " + treeSize + ") to the Merkle root of the seal at position " + seal.position());
        }
        return Outcome.valid("the event at position " + event.position() + " (" + event.payloadType() + " of "
                + event.aggregateId() + ", sequence " + event.sequenceNumber() + ", hash " + stored.hash()
                + ") is leaf " + leafIndex + " of the " + treeSize + " events sealed at position "
                + seal.position() + " by key " + seal.keyId());
    }

    static Outcome consistency(JsonNode proof, PinnedKeys keys) {
        Seal first;
        Seal second;
        List<byte[]> path;
        try {
            requireKind(proof, EvidenceJson.CONSISTENCY);
            first = EvidenceJson.readSeal(proof.get("first"));
            second = EvidenceJson.readSeal(proof.get("second"));
            path = EvidenceJson.readPath(proof);
        } catch (IOException malformed) {
            return Outcome.rejected(Rejection.LINE_MALFORMED, "the proof is malformed: " + malformed.getMessage());
        }
        Outcome trust = trusted(first, keys, "the first seal");
        if (trust == null) {
            trust = trusted(second, keys, "the second seal");
        }
        if (trust != null) {
            return trust;
        }
        for (Seal seal : List.of(first, second)) {
            if (seal.merkleRoot() == null) {
                return Outcome.rejected(
                        Rejection.SEAL_WITHOUT_MERKLE_ROOT,
                        "the seal at position " + seal.position() + " carries no Merkle root");
            }
        }
        if (first.eventsSealed() > second.eventsSealed()
                || first.position() > second.position()
                || !MerkleTree.verifyConsistency(
                        first.eventsSealed(),
                        second.eventsSealed(),
                        MerkleTree.bytes(first.merkleRoot()),
                        MerkleTree.bytes(second.merkleRoot()),
                        path)) {
            return Outcome.rejected(
                    Rejection.CONSISTENCY_PROOF_INVALID,
                    "the proof does not show the " + second.eventsSealed() + " events sealed at position "
                            + second.position() + " extending the " + first.eventsSealed()
                            + " events sealed at position " + first.position());
        }
        return Outcome.valid("the " + second.eventsSealed() + " events sealed at position " + second.position()
                + " extend, unchanged, the " + first.eventsSealed() + " events sealed at position "
                + first.position());
    }

    /** Null when the pinned keys trust the seal, else the rejection. */
    static Outcome trusted(Seal seal, PinnedKeys keys, String which) {
        PinnedKeys.Verdict verdict = keys.check(seal);
        Rejection code =
                switch (verdict) {
                    case VALID -> null;
                    case UNSIGNED -> Rejection.SEAL_UNSIGNED;
                    case KEY_NOT_PINNED -> Rejection.SEAL_KEY_NOT_PINNED;
                    case KEY_OUT_OF_RANGE -> Rejection.SEAL_KEY_OUT_OF_RANGE;
                    case SIGNATURE_INVALID -> Rejection.SEAL_SIGNATURE_INVALID;
                };
        return code == null ? null : Outcome.rejected(code, which + " is not trusted: " + words(verdict, seal));
    }

    static String words(PinnedKeys.Verdict verdict, Seal seal) {
        return switch (verdict) {
            case VALID -> "its signature verifies";
            case UNSIGNED -> "the seal at position " + seal.position() + " is unsigned";
            case KEY_NOT_PINNED -> "the seal at position " + seal.position() + " is signed with key " + seal.keyId()
                    + ", which the pinned key file does not hold";
            case KEY_OUT_OF_RANGE -> "the seal at position " + seal.position() + " is signed with key " + seal.keyId()
                    + " outside the positions it is pinned for";
            case SIGNATURE_INVALID -> "the signature of the seal at position " + seal.position()
                    + " does not verify with key " + seal.keyId();
        };
    }

    private static void requireKind(JsonNode proof, String kind) throws IOException {
        if (proof == null
                || !proof.isObject()
                || !proof.has("proof")
                || !kind.equals(proof.get("proof").asText())) {
            throw new IOException("not a {\"proof\":\"" + kind + "\",…} object");
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
