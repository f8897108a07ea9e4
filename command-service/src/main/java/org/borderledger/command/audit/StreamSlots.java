package org.borderledger.command.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many NDJSON streams run at once ({@code ledger.audit.stream.max-concurrent}): a stream takes a slot before it
 * starts, or is refused at once ({@link StreamsBusy}), and gives it back when it ends. A slot whose stream never gave
 * it back (it never started) lapses a minute after the stream's time bound, so a lost slot cannot shrink the bound
 * for good.
 */
@Component
class StreamSlots {

    private static final Duration LAPSE_AFTER_BOUND = Duration.ofMinutes(1);

    private final Map<Slot, Instant> taken = new HashMap<>();
    private final AuditProperties.Stream limits;
    private final Clock clock;

    StreamSlots(AuditProperties properties, Clock clock) {
        this.limits = properties.stream();
        this.clock = clock;
    }

    /** A slot for one stream, with the instant the stream has to end by. */
    final class Slot implements AutoCloseable {

        private final Instant deadline;

        private Slot(Instant deadline) {
            this.deadline = deadline;
        }

        Instant deadline() {
            return deadline;
        }

        @Override
        public void close() {
            synchronized (taken) {
                taken.remove(this);
            }
        }
    }

    /** Takes a slot; {@link StreamsBusy} when every slot is taken. */
    Slot take() {
        Instant now = clock.instant();
        synchronized (taken) {
            taken.values().removeIf(lapse -> lapse.isBefore(now));
            if (taken.size() >= limits.maxConcurrent()) {
                throw new StreamsBusy(limits.maxConcurrent(), limits.retryAfter());
            }
            Slot slot = new Slot(now.plus(limits.maxDuration()));
            taken.put(slot, slot.deadline().plus(LAPSE_AFTER_BOUND));
            return slot;
        }
    }

    int inUse() {
        synchronized (taken) {
            return taken.size();
        }
    }
}
