/**
 * Tamper evidence over the event store: every appended event carries a hash chained to its aggregate's previous one.
 */
package org.borderledger.command.audit;
