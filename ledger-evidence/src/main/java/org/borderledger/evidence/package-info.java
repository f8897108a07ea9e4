/**
 * Tamper evidence of the ledger's event store, with no framework and no database, as {@code contract/evidence.md}
 * specifies it: how an event's hash is computed (each version), the global chain and the RFC 9162 Merkle tree the seals
 * checkpoint, how a seal is signed (Ed25519 over RFC 8785 canonical JSON), the auditor's pinned keys with their ranges
 * of seal positions, the JSON forms of seals, the export's end line and the proofs, and the walk that checks a store,
 * or an export of it, in global order and reports the first break with its rejection code. The command service and
 * the offline verifier {@code ledger-verify} both run this code.
 */
package org.borderledger.evidence;
