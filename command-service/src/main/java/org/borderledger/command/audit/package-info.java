/**
 * The auditor's side of the write service: the history in global order, and tamper evidence over the whole event store
 * (per-aggregate hash chains and a sealed global chain).
 */
package org.borderledger.command.audit;
