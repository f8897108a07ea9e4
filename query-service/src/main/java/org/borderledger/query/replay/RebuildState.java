package org.borderledger.query.replay;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.borderledger.query.rebuild.ReadModelLock;
import org.borderledger.query.rebuild.RebuildProperties;
import org.springframework.stereotype.Component;

/**
 * Whether a replay is rebuilding the read models now: one started here, or one whose lock another instance sharing the
 * database holds (looked up at most once a second, so reads do not pay a query each).
 */
@Component
class RebuildState {

    private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

    private final ReadModelLock lock;
    private final Clock clock;
    private final Duration staleAfter;
    private final AtomicReference<String> localReplay = new AtomicReference<>();
    private volatile String finishedHere;
    private volatile Cached cached;

    private record Cached(boolean rebuilding, long until) {}

    RebuildState(ReadModelLock lock, Clock clock, RebuildProperties properties) {
        this.lock = lock;
        this.clock = clock;
        this.staleAfter = properties.staleAfter();
    }

    boolean rebuilding() {
        if (localReplay.get() != null) {
            return true;
        }
        long now = System.nanoTime();
        Cached current = cached;
        if (current == null || now - current.until() > 0) {
            boolean elsewhere = lock.holder()
                    .filter(holder -> holder.kind() == ReadModelLock.Kind.REPLAY)
                    .filter(holder -> !holder.jobId().equals(finishedHere))
                    .filter(holder -> !holder.staleAt(clock.instant(), staleAfter))
                    .isPresent();
            current = new Cached(elsewhere, now + CACHE_NANOS);
            cached = current;
        }
        return current.rebuilding();
    }

    void started(String replayId) {
        localReplay.set(replayId);
    }

    /** Called once the replay's end is committed (and its lock released). */
    void finished(String replayId) {
        finishedHere = replayId;
        localReplay.compareAndSet(replayId, null);
        cached = null;
    }
}
