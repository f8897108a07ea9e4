/**
 * Tamper evidence over the event store: every appended event carries a hash chained to its aggregate's previous one,
 * and a tracking processor seals the chain over all events in global order.
 */
package org.borderledger.command.audit;
