package org.borderledger.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency at a fixed rate (open loop): each write is sent when it is due; once it is answered {@code 201}
 * with its position, the aggregate is read from the query service with {@code minPosition=<position>}, which answers
 * as soon as the read model has processed that event. The latency is from the {@code 201} to that answer. Writes come
 * from many lanes of histories; a lane has at most one write in flight, so each aggregate sees its facts in order. A
 * pair that finds every worker busy waits for one; its write latency counts from when it was due.
 */
final class EndToEnd {

    private static final int LANES = 256;

    /**
     * Threads that send the pairs (write, then read) with the blocking client: each keeps its connections alive. (One
     * asynchronous request per pair opened hundreds of connections and cost the load generator 2.3 ms of CPU per pair.)
     */
    private static final int WORKERS = 48;

    private final Http http;
    private final String runTag;

    EndToEnd(Http http, String runTag) {
        this.http = http;
        this.runTag = runTag;
    }

    /**
     * Waits until the read side has processed {@code position} (the last write of the ingest phase), so that the
     * measurement starts without a backlog; returns how long that took in seconds, -1 if not within {@code limit}.
     */
    double catchUp(long position, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Step probe = Histories.marker("catch-up-probe", 0).get(0);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response =
                        http.client.send(http.readAt(probe, position), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 503) {
                    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
                }
            } catch (java.io.IOException e) {
                Thread.sleep(500);
            }
        }
        return -1;
    }

    Map<String, Object> run(double ratePerSecond, Duration duration) throws InterruptedException {
        ConcurrentLinkedQueue<Histories> idle = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < LANES; i++) {
            idle.add(new Histories(runTag + "E" + i));
        }
        Histogram endToEnd = new ConcurrentHistogram(1, 120_000_000L, 3);
        Histogram writes = new ConcurrentHistogram(1, 120_000_000L, 3);
        AtomicLong notCreated = new AtomicLong();
        AtomicLong readFailures = new AtomicLong();
        AtomicLong retried = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        List<String> errors = new ArrayList<>();

        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Pacer pacer = new Pacer(start, ratePerSecond);
        long due;
        while ((due = pacer.nextDue()) < end) {
            Pacer.awaitDue(due);
            Histories lane = idle.poll();
            if (lane == null) {
                skipped.incrementAndGet();
                continue;
            }
            Step step = lane.next();
            long scheduled = due;
            inFlight.incrementAndGet();
            workers.execute(() -> {
                try {
                    writeThenRead(
                            step, lane, scheduled, idle, writes, endToEnd, notCreated, readFailures, retried, errors);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ratePerS", Math.round(ratePerSecond));
        result.put("durationS", duration.toSeconds());
        result.put("writes", pacer.issued() - 1);
        result.put("latency", Latency.summary(endToEnd));
        result.put("writeLatencyFromDueTime", Latency.summary(writes));
        result.put("non201", notCreated.get());
        result.put("readFailures", readFailures.get());
        result.put("readsRetriedAfter503", retried.get());
        result.put("skippedNoIdleLane", skipped.get());
        result.put("unfinished", inFlight.get());
        result.put("errorSamples", errors);
        return result;
    }

    /** One pair, on a worker thread: the write when it is due, then the read of its position. */
    private void writeThenRead(
            Step step,
            Histories lane,
            long scheduled,
            ConcurrentLinkedQueue<Histories> idle,
            Histogram writes,
            Histogram endToEnd,
            AtomicLong notCreated,
            AtomicLong readFailures,
            AtomicLong retried,
            List<String> errors) {
        HttpResponse<String> response;
        try {
            response = http.sendWrite(
                    http.write(step, false),
                    System.nanoTime() + Duration.ofSeconds(30).toNanos());
        } catch (Exception e) {
            idle.add(lane);
            notCreated.incrementAndGet();
            note(errors, e.toString());
            return;
        }
        long created = System.nanoTime();
        idle.add(lane);
        writes.recordValue(Math.max(1, (created - scheduled) / 1000));
        if (response.statusCode() != 201) {
            notCreated.incrementAndGet();
            note(errors, response.statusCode() + " " + response.body());
            return;
        }
        long position = Http.position(response.body());
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<Void> read =
                        http.client.send(http.readAt(step, position), HttpResponse.BodyHandlers.discarding());
                if (read.statusCode() == 200) {
                    endToEnd.recordValue(Math.max(1, (System.nanoTime() - created) / 1000));
                    return;
                }
                if (read.statusCode() != 503 || attempt >= 3) {
                    readFailures.incrementAndGet();
                    note(errors, "read " + HttpWrites.readPath(step) + " at " + position + ": " + read.statusCode());
                    return;
                }
                retried.incrementAndGet();
            } catch (Exception e) {
                readFailures.incrementAndGet();
                note(errors, "read " + HttpWrites.readPath(step) + " at " + position + ": " + e);
                return;
            }
        }
    }

    private static void note(List<String> errors, String error) {
        synchronized (errors) {
            if (errors.size() < 5) {
                errors.add(error.length() <= 300 ? error : error.substring(0, 300) + "…");
            }
        }
    }
}
