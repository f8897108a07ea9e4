/**
 * Tamper evidence over the whole event store: per-aggregate hash chains written at append time, a global chain under
 * Ed25519-signed seals, the seal keys, and the incremental verification that checks them.
 */
package org.borderledger.command.evidence;
