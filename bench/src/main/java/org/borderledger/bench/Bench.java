package org.borderledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's load generator, as its own process; {@code bench/run.sh} starts the system and calls one phase at a
 * time: {@code ingest}, {@code e2e}, {@code replay-produce}, {@code replay-watch}, {@code profile}, {@code report}. Each phase writes its
 * figures to {@code --out} (JSON).
 */
public final class Bench {

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench ingest|e2e|replay-produce|replay-watch|profile|report --option value ...");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        String runTag =
                options.getOrDefault("run-tag", UUID.randomUUID().toString().substring(0, 6));
        switch (args[0]) {
            case "ingest" -> {
                Ingest ingest = new Ingest(
                        http(options),
                        Integer.parseInt(options.getOrDefault("clients", "16")),
                        Integer.parseInt(options.getOrDefault("idempotency-every", "4")),
                        runTag);
                Map<String, Object> result = ingest.run(
                        seconds(options, "warmup", 10),
                        seconds(options, "duration", 60),
                        options.get("watch"),
                        options.get("watch-db"));
                write(options, result);
                System.out.printf(
                        "  ingest: %s commands/s, latency %s, %s answers other than 201%n",
                        result.get("commandsPerS"), result.get("latency"), result.get("non201"));
            }
            case "e2e" -> {
                EndToEnd endToEnd = new EndToEnd(http(options), runTag);
                double caughtUpS = -1;
                if (options.containsKey("catch-up-to")) {
                    caughtUpS = endToEnd.catchUp(
                            Long.parseLong(options.get("catch-up-to")), seconds(options, "catch-up-limit", 300));
                    System.out.printf("  read side caught up with the ingest phase after %.1f s%n", caughtUpS);
                }
                CpuUsage cpu = CpuUsage.start(options.get("watch"), options.get("watch-db"));
                long started = System.nanoTime();
                Map<String, Object> result =
                        endToEnd.run(Double.parseDouble(required(options, "rate")), seconds(options, "duration", 30));
                result.put("readSideCaughtUpAfterIngestS", caughtUpS);
                result.put(
                        "cpu",
                        cpu.stop(((Number) result.get("writes")).longValue(), (System.nanoTime() - started) / 1e9));
                write(options, result);
                System.out.printf("  end-to-end: %s%n", result);
            }
            case "replay-produce" -> {
                Map<String, Object> result = ReplayHistory.produce(
                        required(options, "bootstrap"),
                        options.getOrDefault("topic", "ledger.bench.replay"),
                        Integer.parseInt(options.getOrDefault("partitions", "6")),
                        Long.parseLong(required(options, "events")),
                        org.borderledger.codec.RecordKeys.parse(
                                System.getenv("LEDGER_RECORD_KEYS"), System.getenv("LEDGER_RECORD_SIGNING_KEY_ID")));
                write(options, result);
                System.out.printf("  replay history: %s%n", result);
            }
            case "replay-watch" -> {
                Map<String, Object> result = ReplayWatch.watch(
                        required(options, "jdbc"),
                        options.getOrDefault("db-user", "postgres"),
                        Long.parseLong(required(options, "events")),
                        seconds(options, "timeout", 600),
                        seconds(options, "stall", 120),
                        CpuUsage.start(options.get("watch"), options.get("watch-db")),
                        HeapWatch.start(options.get("management")));
                write(options, result);
                System.out.printf("  replay: %s%n", result);
            }
            case "profile" -> {
                int top = Integer.parseInt(options.getOrDefault("top", "30"));
                Map<String, Object> result = Profile.summarizeAll(Path.of(required(options, "work")), top);
                write(options, result);
                String text = Profile.text(result, Integer.parseInt(options.getOrDefault("lines", "15")));
                if (options.containsKey("text")) {
                    java.nio.file.Files.writeString(Path.of(options.get("text")), text);
                }
                System.out.print(text);
            }
            case "report" -> {
                boolean allCreated = Report.write(
                        Path.of(required(options, "work")),
                        Boolean.parseBoolean(options.getOrDefault("quick", "false")),
                        Path.of(options.getOrDefault("results", "bench/results")),
                        options.containsKey("benchmarks") ? Path.of(options.get("benchmarks")) : null,
                        json.createObjectNode());
                if (!allCreated) {
                    System.err.println("Some writes were not answered 201: see errorSamples in the figures.");
                    System.exit(3);
                }
            }
            default -> {
                System.err.println("unknown phase " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static Http http(Map<String, String> options) {
        return new Http(
                URI.create(required(options, "command")),
                URI.create(required(options, "query")),
                Units.Tokens.sign(required(options, "secret")));
    }

    private static void write(Map<String, String> options, Map<String, Object> result) throws IOException {
        if (options.containsKey("out")) {
            json.writeValue(Path.of(options.get("out")).toFile(), result);
        }
    }

    private static Duration seconds(Map<String, String> options, String name, long defaultSeconds) {
        return Duration.ofMillis(
                Math.round(Double.parseDouble(options.getOrDefault(name, Long.toString(defaultSeconds))) * 1000));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }
}
