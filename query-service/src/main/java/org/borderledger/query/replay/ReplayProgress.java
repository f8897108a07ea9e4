package org.borderledger.query.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * Progress arithmetic of a replay: what share of the topic's records the projections have processed, at what rate since
 * the replay started, and how long the rest takes at that rate.
 *
 * @param percent processed share of the total, rounded down to a tenth (100 only when everything is processed)
 * @param eventsPerSecond processed records per second since the start, to a tenth
 * @param timeLeft the rest at the rate so far, rounded up to a second; zero when done, null while nothing was processed
 */
record ReplayProgress(double percent, double eventsPerSecond, Duration timeLeft) {

    static ReplayProgress of(long total, long processed, Instant startedAt, Instant asOf) {
        long done = Math.min(Math.max(processed, 0), total);
        double percent = total == 0 ? 100.0 : Math.floor(done * 1000.0 / total) / 10.0;
        double seconds = Math.max(Duration.between(startedAt, asOf).toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        Duration timeLeft;
        if (done == total) {
            timeLeft = Duration.ZERO;
        } else if (done == 0) {
            timeLeft = null;
        } else {
            timeLeft = Duration.ofSeconds((long) Math.ceil((total - done) / rate));
        }
        return new ReplayProgress(percent, Math.round(rate * 10) / 10.0, timeLeft);
    }
}
