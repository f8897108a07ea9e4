package org.borderledger.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import org.borderledger.events.FieldLimits;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides each request's correlation id once, at the edge: the client's {@code X-Correlation-Id}, or a new one. The
 * request then carries it as that header (what the service stores with the events it records), the response echoes it,
 * and the log lines of the request carry it as {@code correlationId} beside the trace id. A value longer than
 * {@link FieldLimits#REQUEST_KEY} is passed on as sent but neither logged nor echoed.
 */
final class CorrelationIds extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    static final String MDC_KEY = "correlationId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        String correlationId =
                sent == null || sent.isBlank() ? UUID.randomUUID().toString() : sent;
        boolean loggable = correlationId.length() <= FieldLimits.REQUEST_KEY;
        if (loggable) {
            MDC.put(MDC_KEY, correlationId);
            response.setHeader(HEADER, correlationId);
        }
        try {
            chain.doFilter(correlationId.equals(sent) ? request : withHeader(request, correlationId), response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static HttpServletRequest withHeader(HttpServletRequest request, String correlationId) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HEADER.equalsIgnoreCase(name) ? correlationId : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HEADER.equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(correlationId))
                        : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                if (names.stream().noneMatch(HEADER::equalsIgnoreCase)) {
                    names.add(HEADER);
                }
                return Collections.enumeration(names);
            }
        };
    }
}
