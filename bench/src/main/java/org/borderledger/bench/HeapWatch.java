package org.borderledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Samples a service's heap through its actuator (management port) twice a second while a phase runs: the heap in use
 * (live objects and garbage not yet collected), and the long-lived (old generation) pool's size after the latest
 * collection, Micrometer's {@code jvm.gc.live.data.size}, which is what the service keeps. The peaks are the figures.
 */
final class HeapWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024 * 1024;

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread sampler;
    private volatile boolean running = true;
    private double heapUsedPeak;
    private double liveDataPeak;
    private double heapMax;
    private int samples;

    private HeapWatch(String managementUrl) {
        this.base =
                managementUrl.endsWith("/") ? managementUrl.substring(0, managementUrl.length() - 1) : managementUrl;
        this.sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the service whose actuator is at {@code managementUrl}; none when it is null. */
    static HeapWatch start(String managementUrl) {
        return managementUrl == null ? null : new HeapWatch(managementUrl);
    }

    private void sample() {
        while (running) {
            OptionalDouble used = value("jvm.memory.used?tag=area:heap");
            OptionalDouble live = value("jvm.gc.live.data.size");
            synchronized (this) {
                used.ifPresent(v -> heapUsedPeak = Math.max(heapUsedPeak, v));
                live.ifPresent(v -> liveDataPeak = Math.max(liveDataPeak, v));
                if (used.isPresent()) {
                    samples++;
                }
                if (heapMax == 0) {
                    value("jvm.memory.max?tag=area:heap").ifPresent(v -> heapMax = v);
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private OptionalDouble value(String metric) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + metric))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            JsonNode measurement =
                    JSON.readTree(response.body()).path("measurements").path(0);
            return measurement.has("value")
                    ? OptionalDouble.of(measurement.path("value").asDouble())
                    : OptionalDouble.empty();
        } catch (java.io.IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /** Stops sampling; the peaks in MiB and the number of samples taken. */
    synchronized Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("heapMaxMiB", round(heapMax / MIB));
        figures.put("heapUsedPeakMiB", round(heapUsedPeak / MIB));
        figures.put("liveDataPeakMiB", round(liveDataPeak / MIB));
        figures.put("samples", samples);
        return figures;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
