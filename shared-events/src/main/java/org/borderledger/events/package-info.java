/** The published language of the ledger: every fact as an immutable record, and the values those records carry. */
package org.borderledger.events;
