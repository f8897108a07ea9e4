/**
 * The auditor's history of the write service: the events in global order, an aggregate's history and its state on a
 * past date (folded by the state its slice keeps), and the bounded NDJSON export.
 */
package org.borderledger.command.audit;
