/**
 * Positions in the event store ({@code domain_event_entry.global_index}): the position each append was given, the
 * store's head, the positions of given events, and how far the Kafka publisher's token has come.
 */
package org.borderledger.command.store;
