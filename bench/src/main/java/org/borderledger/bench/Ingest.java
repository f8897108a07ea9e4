package org.borderledger.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop ingest: {@code clients} threads, each owning a lane of histories, send their next write as soon as the
 * previous one is answered, for a warm-up (not counted) and then the measured duration.
 */
final class Ingest {

    private final Http http;
    private final int clients;
    private final int idempotencyEvery;
    private final String runTag;

    /**
     * @param idempotencyEvery every how many-th write of a lane carries an {@code Idempotency-Key} (0: none)
     */
    Ingest(Http http, int clients, int idempotencyEvery, String runTag) {
        this.http = http;
        this.clients = clients;
        this.idempotencyEvery = idempotencyEvery;
        this.runTag = runTag;
    }

    Map<String, Object> run(Duration warmup, Duration duration, String watchPids, String database)
            throws InterruptedException {
        if (!warmup.isZero()) {
            Round round = round("W", warmup);
            System.out.printf(
                    "  warm-up: %d writes in %ds, %d not 201%n",
                    round.histogram.getTotalCount(), warmup.toSeconds(), round.failures());
        }
        CpuUsage cpu = CpuUsage.start(watchPids, database);
        Round round = round("I", duration);
        double seconds = round.elapsedNanos / 1e9;
        Map<String, Object> cpuUsage = cpu.stop(round.histogram.getTotalCount(), seconds);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("durationS", Math.round(seconds * 10) / 10.0);
        result.put("commands", round.histogram.getTotalCount());
        result.put("commandsPerS", Math.round(round.histogram.getTotalCount() / seconds));
        result.put("latency", Latency.summary(round.histogram));
        result.put("non201", round.failures());
        result.put("statuses", new TreeMap<>(round.statuses));
        result.put("errorSamples", round.errors);
        result.put("aggregates", round.aggregates.get());
        result.put("lastPosition", round.lastPosition.get());
        result.put("idempotencyKeyEvery", idempotencyEvery);
        result.put("cpu", cpuUsage);
        return result;
    }

    private Round round(String phase, Duration duration) throws InterruptedException {
        Round round = new Round();
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            Histogram histogram = Latency.histogram();
            histograms.add(histogram);
            Histories lane = new Histories(runTag + phase + c);
            Thread thread = new Thread(() -> client(lane, histogram, end, round), "ingest-" + phase + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        round.elapsedNanos = System.nanoTime() - start;
        histograms.forEach(round.histogram::add);
        return round;
    }

    private void client(Histories lane, Histogram histogram, long end, Round round) {
        long sent = 0;
        while (System.nanoTime() < end) {
            Step step = lane.next();
            boolean key = idempotencyEvery > 0 && sent++ % idempotencyEvery == 0;
            long started = System.nanoTime();
            int status;
            String body;
            try {
                HttpResponse<String> response = http.sendWrite(http.write(step, key), end);
                status = response.statusCode();
                body = response.body();
            } catch (Exception e) {
                status = -1;
                body = e.toString();
            }
            histogram.recordValue(Math.max(1, (System.nanoTime() - started) / 1000));
            round.answered(status, step, body);
        }
        round.aggregates.addAndGet(lane.aggregates());
    }

    /** What one round of clients saw. */
    static final class Round {
        final Histogram histogram = Latency.histogram();
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        final List<String> errors = new ArrayList<>();
        final AtomicLong aggregates = new AtomicLong();
        final AtomicLong lastPosition = new AtomicLong();
        long elapsedNanos;

        void answered(int status, Step step, String body) {
            statuses.merge(status, 1L, Long::sum);
            if (status == 201) {
                lastPosition.accumulateAndGet(Http.position(body), Math::max);
            }
            if (status != 201) {
                synchronized (errors) {
                    if (errors.size() < 5) {
                        errors.add(status + " " + step.event().getClass().getSimpleName() + " " + step.aggregateId()
                                + ": " + abbreviate(body));
                    }
                }
            }
        }

        long failures() {
            return statuses.entrySet().stream()
                    .filter(entry -> entry.getKey() != 201)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        private static String abbreviate(String body) {
            return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
        }
    }
}
