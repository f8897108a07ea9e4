/** The outbox: a tracking processor reads the event store in global order and publishes each event to Kafka. */
package org.borderledger.command.publish;
