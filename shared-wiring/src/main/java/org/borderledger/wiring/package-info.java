/** The Axon and Kafka wiring both services import: serializer, token store, record keys, the event topic. */
package org.borderledger.wiring;
