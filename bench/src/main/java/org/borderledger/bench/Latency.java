package org.borderledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds (1 µs to 2 minutes, 3 significant digits), summarised in milliseconds. */
final class Latency {

    private Latency() {}

    static Histogram histogram() {
        return new Histogram(1, 120_000_000L, 3);
    }

    static Map<String, Object> summary(Histogram histogram) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", histogram.getTotalCount());
        summary.put("p50Ms", millis(histogram.getValueAtPercentile(50)));
        summary.put("p95Ms", millis(histogram.getValueAtPercentile(95)));
        summary.put("p99Ms", millis(histogram.getValueAtPercentile(99)));
        summary.put("p999Ms", millis(histogram.getValueAtPercentile(99.9)));
        summary.put("maxMs", millis(histogram.getMaxValue()));
        summary.put("meanMs", Math.round(histogram.getMean() / 10.0) / 100.0);
        return summary;
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
