package org.borderledger.query.rebuild;

import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The Kafka topic the read models are rebuilt from cannot be read now: nothing was started. */
public final class TopicUnavailable extends LedgerProblem {

    private final HttpHeaders headers = new HttpHeaders();

    public TopicUnavailable(String topic, Exception cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "event-log-unavailable",
                "Event log unavailable",
                "The event topic '" + topic + "' cannot be read now" + (cause == null ? "" : ": " + cause.getMessage())
                        + "; nothing was started, retry later",
                List.of());
        if (cause != null) {
            initCause(cause);
        }
        headers.set(HttpHeaders.RETRY_AFTER, "10");
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
