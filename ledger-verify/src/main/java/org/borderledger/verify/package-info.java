/**
 * {@code ledger-verify}: the auditor's offline check of an NDJSON export of the event store against the ledger's
 * public seal keys, with no service and no database; it reports the first break in the words
 * {@code GET /api/audit/verify} uses.
 */
package org.borderledger.verify;
