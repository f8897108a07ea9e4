/**
 * The benchmark's own process ({@code bench/run.sh}): valid histories of all four aggregates, the HTTP load generator
 * (ingest, end-to-end), the replay history producer and watcher, and the report.
 */
package org.borderledger.bench;
