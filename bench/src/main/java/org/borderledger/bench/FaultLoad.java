package org.borderledger.bench;

import static org.borderledger.bench.FaultSuite.sleep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The load of a fault run: {@value #WRITERS} writers that spread their writes over the live command instances, every
 * write with an {@code Idempotency-Key} and sent again with the same key to the next instance until it gets a
 * {@code 201} (or a refusal), and a probe that writes every 250 ms and reads its write back with {@code minPosition}
 * on the query instances in turn (end-to-end latency). What the writers see is counted per {@link Phase}: answers by
 * status, {@code 503}s without problem+json or {@code Retry-After}, {@code 5xx} other than {@code 503}, and requests
 * that hit the client's timeout.
 */
final class FaultLoad {

    static final int WRITERS = 16;

    private final FaultCluster cluster;
    private final Units.Tokens tokens;
    private final HttpClient client;
    private final String keyPrefix;
    /** The command instances writes go to. */
    private final Set<String> writeTo = ConcurrentHashMap.newKeySet();

    private final AtomicReference<Phase> phase = new AtomicReference<>();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Writes per second of each writer; 0: each sends its next write as soon as the previous one is answered. */
    private volatile double writerRate;

    private final AtomicLong keys = new AtomicLong();
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    FaultLoad(FaultCluster cluster, Units.Tokens tokens, HttpClient client, String keyPrefix) {
        this.cluster = cluster;
        this.tokens = tokens;
        this.client = client;
        this.keyPrefix = keyPrefix;
    }

    /** Starts the writers and the probe, writing to every command instance, in a warm-up phase. */
    void start() {
        writeTo.addAll(cluster.commandNames());
        phase.set(new Phase("warm-up"));
        for (int i = 0; i < WRITERS; i++) {
            Histories lane = new Histories(keyPrefix + "w" + i);
            Thread thread = new Thread(() -> writer(lane), "writer-" + i);
            thread.start();
            threads.add(thread);
        }
        Thread prober = new Thread(this::probe, "probe");
        prober.start();
        threads.add(prober);
    }

    /** Writes go to the named command instance (again) or no longer do. */
    void writeTo(String command, boolean included) {
        if (included) {
            writeTo.add(command);
        } else {
            writeTo.remove(command);
        }
    }

    /** Paces the writers to {@code writesPerSecond} in all. */
    void pace(double writesPerSecond) {
        writerRate = writesPerSecond / WRITERS;
    }

    /** Starts counting a new phase. */
    Phase begin(String name) {
        Phase current = new Phase(name);
        phase.set(current);
        return current;
    }

    /** A phase of {@code duration} with nothing but the load: what the writers and the probe saw. */
    Map<String, Object> steady(String name, Duration duration) {
        FaultSuite.log(name + " for " + duration.toSeconds() + " s");
        Phase current = begin(name);
        sleep(duration);
        return current.summary();
    }

    /** Every acknowledged write's key, with the position its answer named. */
    Map<String, Long> acknowledged() {
        return new HashMap<>(acknowledged);
    }

    /** What every key of this run starts with. */
    String keyPrefix() {
        return keyPrefix;
    }

    /**
     * Seconds from the end of a fault until five consecutive probes in a row saw their write within the steady
     * phase's p99; null when that did not happen within {@code limit}.
     */
    Double recoveredAfter(long faultEnded, double normalP99Ms, Duration limit) {
        long deadline = faultEnded + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<Probe> after = probes.stream()
                    .filter(probe -> probe.sentNanos() >= faultEnded)
                    .toList();
            int run = 0;
            for (Probe probe : after) {
                run = probe.millis() <= normalP99Ms ? run + 1 : 0;
                if (run >= 5) {
                    return Math.round((probe.doneNanos() - faultEnded) / 1e8) / 10.0;
                }
            }
            sleep(Duration.ofMillis(500));
        }
        return null;
    }

    /** Stops the writers and the probe and waits for them. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private void writer(Histories lane) {
        AtomicInteger next = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
        long previous = System.nanoTime();
        while (running.get()) {
            double rate = writerRate;
            if (rate > 0) {
                // paced: the next write once its period after the previous one started has passed (no catching up)
                Pacer.awaitDue(previous + (long) (1e9 / rate));
            }
            previous = System.nanoTime();
            Step step = lane.next();
            String key = keyPrefix + keys.incrementAndGet();
            long position = send(step, key, next);
            if (position >= 0) {
                acknowledged.put(key, position);
            }
        }
    }

    /** Sends one write until it is acknowledged ({@code 201}) or refused ({@code 4xx}); answers its position. */
    private long send(Step step, String key, AtomicInteger next) {
        HttpWrites.Write write = HttpWrites.of(step);
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < giveUp) {
            Phase current = phase.get();
            String target = pick(next);
            HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.commandUrl(target) + write.path()))
                    .timeout(FaultSuite.CLIENT_TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.of(step.submitter()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(write.body()))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                current.timeout(e);
                continue;
            } catch (IOException e) {
                current.connectionFailed();
                sleep(Duration.ofMillis(100));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            current.answered(response, (System.nanoTime() - sent) / 1000);
            int status = response.statusCode();
            if (status == 201) {
                return Http.position(response.body());
            }
            if (status == 503 || status == 429) {
                long retryAfter = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                sleep(Duration.ofMillis(Math.min(1000, retryAfter * 1000)));
                continue;
            }
            if (status >= 500) {
                sleep(Duration.ofMillis(200));
                continue;
            }
            return -1;
        }
        return -1;
    }

    private String pick(AtomicInteger next) {
        List<String> live = new ArrayList<>(writeTo);
        live.sort(null);
        if (live.isEmpty()) {
            live = cluster.commandNames();
        }
        return live.get(Math.floorMod(next.getAndIncrement(), live.size()));
    }

    /** A write every 250 ms, read back with minPosition on the query instances in turn. */
    private void probe() {
        Histories lane = new Histories(keyPrefix + "probe");
        AtomicInteger next = new AtomicInteger();
        int reads = 0;
        while (running.get()) {
            Step step = lane.next();
            String key = keyPrefix + "p" + keys.incrementAndGet();
            long sent = System.nanoTime();
            long position = send(step, key, next);
            if (position < 0) {
                continue;
            }
            acknowledged.put(key, position);
            List<String> names = cluster.queryNames();
            String target = names.get(reads++ % names.size());
            if (readBack(target, step, position)) {
                probes.add(new Probe(sent, System.nanoTime()));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private boolean readBack(String target, Step step, long position) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && running.get()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            cluster.queryUrl(target) + HttpWrites.readPath(step) + "?minPosition=" + position))
                    .timeout(FaultSuite.CLIENT_TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.auditor())
                    .GET()
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
                sleep(Duration.ofMillis(200));
            } catch (IOException e) {
                // the instance is down: the next instance answers
                List<String> names = cluster.queryNames();
                target = names.get((names.indexOf(target) + 1) % names.size());
                sleep(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    record Probe(long sentNanos, long doneNanos) {
        double millis() {
            return (doneNanos - sentNanos) / 1e6;
        }
    }

    /** What the writers saw during one phase. */
    final class Phase {
        final String name;
        final long started = System.nanoTime();
        final Histogram latency = Latency.histogram();
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong connectionFailures = new AtomicLong();
        final AtomicLong unavailableWithoutRetryAfter = new AtomicLong();
        final List<String> samples = new CopyOnWriteArrayList<>();

        Phase(String name) {
            this.name = name;
        }

        synchronized void answered(HttpResponse<String> response, long micros) {
            int status = response.statusCode();
            statuses.merge(status, 1L, Long::sum);
            if (status == 201) {
                latency.recordValue(Math.max(1, micros));
            }
            if (status == 503
                    && (response.headers().firstValue("Retry-After").isEmpty()
                            || !response.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("application/problem+json"))) {
                unavailableWithoutRetryAfter.incrementAndGet();
            }
            if (status != 201 && (samples.size() < 5 || (status < 500 && samples.size() < 10))) {
                String body = response.body();
                samples.add(status + " " + (body.length() > 300 ? body.substring(0, 300) : body));
            }
        }

        void timeout(Exception e) {
            timeouts.incrementAndGet();
            if (samples.size() < 5) {
                samples.add("timeout: " + e);
            }
        }

        void connectionFailed() {
            connectionFailures.incrementAndGet();
        }

        synchronized Map<String, Object> summary() {
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Double> e2e = probes.stream()
                    .filter(probe -> probe.sentNanos() >= started)
                    .map(Probe::millis)
                    .sorted()
                    .toList();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("phase", name);
            summary.put("durationS", Math.round(seconds * 10) / 10.0);
            long created = statuses.getOrDefault(201, 0L);
            summary.put("acknowledged", created);
            summary.put("commandsPerS", Math.round(created / seconds));
            summary.put("writeLatency", Latency.summary(latency));
            summary.put("statuses", new TreeMap<>(statuses));
            summary.put(
                    "serverErrors",
                    statuses.entrySet().stream()
                            .filter(entry -> entry.getKey() >= 500 && entry.getKey() != 503)
                            .mapToLong(Map.Entry::getValue)
                            .sum());
            summary.put("timeouts", timeouts.get());
            summary.put("connectionFailures", connectionFailures.get());
            summary.put("unavailableWithoutRetryAfter", unavailableWithoutRetryAfter.get());
            summary.put("e2eProbes", e2e.size());
            summary.put("e2eP50Ms", percentile(e2e, 0.50));
            summary.put("e2eP99Ms", percentile(e2e, 0.99));
            summary.put("e2eMaxMs", e2e.isEmpty() ? null : Math.round(e2e.get(e2e.size() - 1)));
            summary.put("samples", new ArrayList<>(samples));
            return summary;
        }
    }

    private static Long percentile(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }
}
