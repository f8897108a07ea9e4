/** Axon wiring of the read side: serializer, token store, the Kafka event source and its topic. */
package org.borderledger.query.infra;
