/**
 * {@code ledger-verify}: the auditor's offline check, with no service and no database, of an NDJSON export of the event
 * store against the auditor's pinned seal keys (and optionally a seal kept from an earlier audit), and of inclusion and
 * consistency proofs without the export; it reports the first rejection with the code {@code contract/evidence.md}
 * gives it.
 */
package org.borderledger.verify;
