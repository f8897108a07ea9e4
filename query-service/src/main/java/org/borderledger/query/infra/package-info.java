/** Wiring of the read side: serializer, token store, the Kafka event source and its topic, the clock. */
package org.borderledger.query.infra;
