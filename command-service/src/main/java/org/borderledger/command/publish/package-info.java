/**
 * The outbox: a tracking processor reads the event store in global order and publishes each batch of events to Kafka,
 * moving its token only once the broker acknowledged them all.
 */
package org.borderledger.command.publish;
