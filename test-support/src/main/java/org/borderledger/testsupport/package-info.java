/**
 * The real PostgreSQL and Kafka broker every integration test runs against (Docker, a configured server, or servers of
 * the test JVM's own), chosen once per test JVM.
 */
package org.borderledger.testsupport;
