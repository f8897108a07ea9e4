/** The real PostgreSQL and Kafka broker every integration test runs against, chosen once per test JVM. */
package org.borderledger.testsupport;
