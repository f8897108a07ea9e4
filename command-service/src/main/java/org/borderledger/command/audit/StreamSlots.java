package org.borderledger.command.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many NDJSON streams run at once ({@code ledger.audit.stream.max-concurrent}), and how many of them one token
 * subject may hold ({@code max-concurrent-per-subject}): a stream takes a slot before it starts, or is refused at once
 * ({@link StreamsBusy}), and gives it back when it ends. A slot whose stream never gave
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
        private final String subject;

        private Slot(Instant deadline, String subject) {
            this.deadline = deadline;
            this.subject = subject;
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

    /** Takes a slot for {@code subject}; {@link StreamsBusy} when every slot, or the subject's share, is taken. */
    Slot take(String subject) {
        Instant now = clock.instant();
        synchronized (taken) {
            taken.values().removeIf(lapse -> lapse.isBefore(now));
            if (taken.size() >= limits.maxConcurrent()) {
                throw new StreamsBusy(limits.maxConcurrent(), limits.retryAfter(), false);
            }
            long mine = taken.keySet().stream()
                    .filter(slot -> slot.subject.equals(subject))
                    .count();
            if (mine >= limits.maxConcurrentPerSubject()) {
                throw new StreamsBusy(limits.maxConcurrentPerSubject(), limits.retryAfter(), true);
            }
            Slot slot = new Slot(now.plus(limits.maxDuration()), subject);
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
