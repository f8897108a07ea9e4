/** A durable PostgreSQL server from Maven-delivered binaries, for the local run and for tests on a machine without one. */
package org.borderledger.postgres;
