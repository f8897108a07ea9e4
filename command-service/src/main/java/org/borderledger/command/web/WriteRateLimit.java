package org.borderledger.command.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per token subject over writes ({@code ledger.write.rate-limit.per-second}, 0 = no limit, and
 * {@code ledger.write.rate-limit.burst}): a write, or a batch of n writes, passes while the subject's bucket holds at
 * least one write, and takes its writes from it, going into debt for a batch larger than what is left; else it is
 * refused with {@link WriteRateExceeded} (429) and the seconds until one write is available again. Buckets that have
 * filled up again are forgotten when many subjects are held.
 */
@Component
class WriteRateLimit {

    private static final int SUBJECTS_HELD = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    WriteRateLimit(
            @Value("${ledger.write.rate-limit.per-second:5}") double perSecond,
            @Value("${ledger.write.rate-limit.burst:1000}") int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    WriteRateLimit(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    /** Takes {@code writes} writes from the subject's bucket, or refuses them all. */
    void charge(String subject, int writes) {
        if (perSecond <= 0) {
            return;
        }
        if (buckets.size() > SUBJECTS_HELD) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        long waitNanos = buckets.computeIfAbsent(subject, s -> new Bucket(nanoTime.getAsLong()))
                .take(writes, nanoTime.getAsLong());
        if (waitNanos > 0) {
            throw new WriteRateExceeded(Math.max(1, (long) Math.ceil(waitNanos / 1e9)), perSecond);
        }
    }

    private final class Bucket {

        private double writes = burst;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        /** 0 when taken, else the nanoseconds until one write is available. */
        synchronized long take(int count, long now) {
            refill(now);
            if (writes < 1) {
                return (long) Math.ceil((1 - writes) / perSecond * 1e9);
            }
            writes -= count;
            return 0;
        }

        synchronized boolean full(long now) {
            refill(now);
            return writes >= burst;
        }

        private void refill(long now) {
            writes = Math.min(burst, writes + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
