/**
 * Tamper evidence of the ledger's event store, with no framework and no database: how an event's hash is computed
 * (each version), the global chain the seals checkpoint, how a seal is signed (Ed25519 over RFC 8785 canonical JSON)
 * and the walk that checks a store, or an export of it, in global order and reports the first break. The command
 * service and the offline verifier {@code ledger-verify} both run this code.
 */
package org.borderledger.evidence;
