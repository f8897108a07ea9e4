package org.borderledger.query.position;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderledger.query.web.InvalidParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes for every query endpoint, in one place. A read asking for {@code minPosition=N} (or header
 * {@code X-Min-Position: N}, the larger wins when both are given) waits until the event at position N has been
 * processed, at most {@code ledger.read.max-wait} (a client may ask for less with {@code Prefer: wait=<seconds>}, RFC
 * 7240), else fails with {@link PositionNotReached} (503, {@code Retry-After: 1}). Then it reads the highest processed
 * position, before the controller reads any data, and hands it to the controller (request attribute) and the client
 * ({@code X-Ledger-Position}): the answer reflects at least that position.
 */
class ReadYourWritesInterceptor implements HandlerInterceptor {

    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?");

    private final ProcessedPositions positions;
    private final Duration maxWait;

    ReadYourWritesInterceptor(ProcessedPositions positions, Duration maxWait) {
        this.positions = positions;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        Long fromParameter = parse(request.getParameter(ReadPosition.MIN_PARAMETER), ReadPosition.MIN_PARAMETER);
        Long fromHeader = parse(request.getHeader(ReadPosition.MIN_HEADER), ReadPosition.MIN_HEADER);
        if (fromParameter != null || fromHeader != null) {
            boolean parameterWins = fromHeader == null || (fromParameter != null && fromParameter >= fromHeader);
            long required = parameterWins ? fromParameter : fromHeader;
            if (!positions.awaitProcessed(required, waitFor(request))) {
                throw new PositionNotReached(
                        required,
                        positions.highest(),
                        parameterWins ? ReadPosition.MIN_PARAMETER : ReadPosition.MIN_HEADER);
            }
        }
        long position = positions.highest();
        request.setAttribute(ReadPosition.ATTRIBUTE, position);
        response.setHeader(ReadPosition.HEADER, Long.toString(position));
        return true;
    }

    private Duration waitFor(HttpServletRequest request) {
        String prefer = request.getHeader("Prefer");
        if (prefer != null) {
            Matcher wait = PREFER_WAIT.matcher(prefer);
            if (wait.find()) {
                Duration preferred = Duration.ofSeconds(Long.parseLong(wait.group(1)));
                return preferred.compareTo(maxWait) < 0 ? preferred : maxWait;
            }
        }
        return maxWait;
    }

    private static Long parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(
                field, "'" + field + "' must be an event position (a whole number >= 0), not '" + value + "'");
    }
}
