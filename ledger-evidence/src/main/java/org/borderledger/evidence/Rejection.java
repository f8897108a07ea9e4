package org.borderledger.evidence;

/**
 * The reasons a verifier rejects evidence, each with the stable code {@code contract/evidence.md} gives it: the code
 * is what two verifiers written apart agree on, the message beside it is for people.
 */
public enum Rejection {
    /** A line or a proof that is not what its schema says. */
    LINE_MALFORMED,
    /** An event whose position is not above the previous event's: a duplicated or reordered line. */
    POSITION_NOT_INCREASING,
    /** An event whose metadata names a hash version this verifier does not know. */
    HASH_VERSION_UNKNOWN,
    /** An event whose stored hash is missing or is not the hash of its content. */
    EVENT_HASH_MISMATCH,
    /** An event whose sequence number skips one of its aggregate's. */
    SEQUENCE_GAP,
    /** An event whose sequence number repeats, or goes back in, its aggregate's. */
    SEQUENCE_REPEATED,
    /** An event whose previous hash is not the hash of its aggregate's previous event. */
    PREVIOUS_HASH_MISMATCH,
    /** An export line whose {@code hash} is not its metadata's {@code hash}. */
    HASH_FIELD_MISMATCH,
    /** An export line whose {@code businessDate} is not the one derived from its payload. */
    BUSINESS_DATE_MISMATCH,
    /** A seal line whose position is not above the previous seal line's. */
    SEAL_OUT_OF_PLACE,
    /** A seal whose count or chain hash is not the chain over the events up to its position. */
    SEAL_CHAIN_MISMATCH,
    /** A seal whose Merkle root is not the root over the events up to its position. */
    SEAL_MERKLE_ROOT_MISMATCH,
    /** An unsigned seal after a signed one, or an unsigned seal where only a signed one proves anything. */
    SEAL_UNSIGNED,
    /** A seal signed with a key the auditor did not pin. */
    SEAL_KEY_NOT_PINNED,
    /** A seal signed with a pinned key outside the positions the key may sign. */
    SEAL_KEY_OUT_OF_RANGE,
    /** A seal whose signature does not verify with its key. */
    SEAL_SIGNATURE_INVALID,
    /** A seal that names positions beyond the store's or export's last event: its tail is gone. */
    SEAL_BEYOND_LAST_EVENT,
    /** An export with no seal whose signature counts. */
    NO_TRUSTED_SEAL,
    /** An export that ends with an {@code incomplete} line. */
    EXPORT_INCOMPLETE,
    /** A line after the {@code end} or {@code incomplete} line. */
    LINE_AFTER_END,
    /** An {@code end} line that does not state the export's last event and last seal. */
    END_MISMATCH,
    /** An export that ends before the position of the auditor's anchor seal. */
    ANCHOR_NOT_REACHED,
    /** An export whose chain at the anchor's position is not the anchor's. */
    ANCHOR_MISMATCH,
    /** A seal a proof relies on that carries no Merkle root. */
    SEAL_WITHOUT_MERKLE_ROOT,
    /** An inclusion proof that does not lead from its event to its seal's root. */
    INCLUSION_PROOF_INVALID,
    /** A consistency proof that does not show the second seal's tree extending the first's. */
    CONSISTENCY_PROOF_INVALID,
    /** A break the service finds in its own store: a published position beyond the last event. */
    STORE_TRUNCATED
}
