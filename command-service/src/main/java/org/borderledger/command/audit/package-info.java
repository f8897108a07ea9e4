/**
 * The auditor's side of the write service: the history in global order, any aggregate's state on a past date, and
 * tamper evidence over the whole event store (per-aggregate hash chains and a global chain under Ed25519-signed
 * seals), the bounded NDJSON export and the full verification job.
 */
package org.borderledger.command.audit;
