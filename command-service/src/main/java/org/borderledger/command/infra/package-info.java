/**
 * Axon wiring of the write side: serializer, event store schema and hash-chaining storage engine, token store,
 * metadata propagation.
 */
package org.borderledger.command.infra;
