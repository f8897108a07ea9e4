/** Axon wiring of the write side: serializer, event store schema, token store, metadata propagation. */
package org.borderledger.command.infra;
