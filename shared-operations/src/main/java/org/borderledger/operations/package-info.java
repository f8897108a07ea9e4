/**
 * What both services share to be operated: Axon's spans on the service's OpenTelemetry SDK, the correlation id of each
 * request in the logs, {@code LEDGER_LOG_FORMAT} and {@code LEDGER_OTLP_ENDPOINT}, and the grants of the database's
 * runtime role after each migration.
 */
package org.borderledger.operations;
