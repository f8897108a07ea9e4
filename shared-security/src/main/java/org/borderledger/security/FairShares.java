package org.borderledger.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded number of slots for something that holds a thread or a connection for a while (a read waiting for its
 * position, a stream, an audit query), shared fairly among token subjects: all of them together take at most
 * {@code total}, and one subject at most {@code perSubject}, so that one token cannot take every slot from the others.
 */
public final class FairShares {

    /** What a refusal names: the whole is taken, or the subject holds its share. */
    public enum Refusal {
        ALL_TAKEN,
        SHARE_TAKEN
    }

    /** One taken slot; closing it gives it back. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final int total;
    private final int perSubject;
    private final Map<String, Integer> held = new HashMap<>();
    private int taken;

    public FairShares(int total, int perSubject) {
        this.total = Math.max(1, total);
        this.perSubject = Math.max(1, Math.min(this.total, perSubject));
    }

    /** The share of one subject by default: a quarter of the whole, at least one. */
    public static int defaultShare(int total) {
        return Math.max(1, total / 4);
    }

    /** A slot for {@code subject}; when there is none, nothing is taken and {@code refused} is thrown. */
    public synchronized Slot take(String subject, Function<Refusal, ? extends RuntimeException> refused) {
        if (taken >= total) {
            throw refused.apply(Refusal.ALL_TAKEN);
        }
        int mine = held.getOrDefault(subject, 0);
        if (mine >= perSubject) {
            throw refused.apply(Refusal.SHARE_TAKEN);
        }
        held.put(subject, mine + 1);
        taken++;
        return new TakenSlot(subject);
    }

    public int total() {
        return total;
    }

    public int perSubject() {
        return perSubject;
    }

    /** Slots taken now, by every subject. */
    public synchronized int inUse() {
        return taken;
    }

    private synchronized void giveBack(String subject) {
        int mine = held.getOrDefault(subject, 0);
        if (mine <= 1) {
            held.remove(subject);
        } else {
            held.put(subject, mine - 1);
        }
        taken--;
    }

    private final class TakenSlot implements Slot {

        private final String subject;
        private boolean closed;

        private TakenSlot(String subject) {
            this.subject = subject;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            giveBack(subject);
        }
    }
}
