package org.borderledger.query.position;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderledger.query.web.InvalidParameter;
import org.borderledger.security.FairShares;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes for every query endpoint, in one place. A read asking for {@code minPosition=N} (or header
 * {@code X-Min-Position: N}, the larger wins when both are given) waits until the event at position N has been
 * processed, at most {@code ledger.read.max-wait} (a client may ask for less with {@code Prefer: wait=<seconds>}, RFC
 * 7240), else fails with {@link PositionNotReached} (503, {@code Retry-After: 1}). Then it reads the highest processed
 * position, before the controller reads any data, and hands it to the controller (request attribute) and the client
 * ({@code X-Ledger-Position}): the answer reflects at least that position. A waiting read holds its request thread,
 * so at most {@code ledger.read.max-waiting} reads wait at once, and at most
 * {@code ledger.read.max-waiting-per-subject} of one token subject; a read that would wait beyond them is refused at
 * once with {@link TooManyWaitingReads} (503 when all are taken, 429 when the subject holds its share;
 * {@code Retry-After: 1}), and the other reads and the projections keep their threads and connections. A read whose
 * position is already processed never waits and never counts.
 */
class ReadYourWritesInterceptor implements HandlerInterceptor {

    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?");

    private final ProcessedPositions positions;
    private final Duration maxWait;
    private final FairShares waiting;

    ReadYourWritesInterceptor(ProcessedPositions positions, Duration maxWait, int maxWaiting) {
        this(positions, maxWait, maxWaiting, FairShares.defaultShare(maxWaiting));
    }

    ReadYourWritesInterceptor(
            ProcessedPositions positions, Duration maxWait, int maxWaiting, int maxWaitingPerSubject) {
        this.positions = positions;
        this.maxWait = maxWait;
        this.waiting = new FairShares(maxWaiting, maxWaitingPerSubject);
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
            String field = parameterWins ? ReadPosition.MIN_PARAMETER : ReadPosition.MIN_HEADER;
            if (!positions.awaitProcessed(required, Duration.ZERO)
                    && !awaitBounded(required, waitFor(request), field)) {
                throw new PositionNotReached(required, positions.highest(), field);
            }
        }
        long position = positions.highest();
        request.setAttribute(ReadPosition.ATTRIBUTE, position);
        response.setHeader(ReadPosition.HEADER, Long.toString(position));
        return true;
    }

    private boolean awaitBounded(long required, Duration wait, String field) {
        if (wait.isZero()) {
            return false;
        }
        try (FairShares.Slot slot = waiting.take(
                subject(), refusal -> new TooManyWaitingReads(refusal, waiting.total(), waiting.perSubject(), field))) {
            return positions.awaitProcessed(required, wait);
        }
    }

    /** How many reads are waiting for a position now. */
    int waitingReads() {
        return waiting.inUse();
    }

    /** The token subject of the read (its name); reads without a token share one name. */
    private static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
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
                List.of(field),
                "position",
                "'" + field + "' must be an event position (a whole number >= 0), not '" + value + "'",
                field,
                value);
    }
}
