package org.borderledger.command.web;

import java.util.UUID;
import org.borderledger.command.Submitter;
import org.borderledger.security.LedgerPrincipal;

/**
 * Who submits and under which request: the token's principal, the client's {@code Idempotency-Key} and
 * {@code X-Request-Id}, and a correlation id ({@code X-Correlation-Id}, generated when absent). Controllers declare it
 * as a parameter.
 */
public record SubmissionContext(Submitter submitter, String idempotencyKey, String requestId, String correlationId) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    static SubmissionContext of(
            LedgerPrincipal principal, String idempotencyKey, String requestId, String correlationId) {
        return new SubmissionContext(
                new Submitter(principal.subject(), principal.unit(), principal.side(), principal.province()),
                blankToNull(idempotencyKey),
                blankToNull(requestId),
                correlationId == null || correlationId.isBlank()
                        ? UUID.randomUUID().toString()
                        : correlationId);
    }

    /** The same submission with another idempotency key: a batch item carries its own. */
    SubmissionContext withIdempotencyKey(String key) {
        return new SubmissionContext(submitter, blankToNull(key), requestId, correlationId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
