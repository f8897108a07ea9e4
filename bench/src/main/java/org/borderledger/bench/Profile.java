package org.borderledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service spent its CPU during a phase: reads the execution samples ({@code jdk.ExecutionSample}, taken only
 * of threads running Java code) of a JFR recording and counts them by top frame (self), by the ledger's own methods
 * anywhere on the stack (inclusive), by library (the first frame outside the JDK, so a {@code HashMap} lookup counts for the library
 * that called it) and by thread.
 */
final class Profile {

    /** Recordings are named {@code profile-<phase>-<service>.jfr} in the run's work directory. */
    static final Pattern FILE = Pattern.compile("profile-([a-z0-9]+)-([a-z0-9-]+)\\.jfr");

    private static final String LEDGER = "org.borderledger.";

    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** Library names by package prefix; the first that matches wins, so the longer prefixes come first. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("org.springframework.security.", "Spring Security"),
            Map.entry("org.springframework.web.", "Spring MVC"),
            Map.entry("org.springframework.jdbc.", "Spring JDBC"),
            Map.entry("org.springframework.transaction.", "Spring transactions"),
            Map.entry("org.springframework.", "Spring (other)"),
            Map.entry("org.axonframework.", "Axon"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("org.postgresql.", "PostgreSQL JDBC driver"),
            Map.entry("com.zaxxer.hikari.", "HikariCP"),
            Map.entry("org.apache.catalina.", "Tomcat"),
            Map.entry("org.apache.coyote.", "Tomcat"),
            Map.entry("org.apache.tomcat.", "Tomcat"),
            Map.entry("org.hibernate.validator.", "Bean Validation"),
            Map.entry("org.apache.kafka.", "Kafka client"),
            Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("io.opentelemetry.", "OpenTelemetry"),
            Map.entry("ch.qos.logback.", "Logback"),
            Map.entry("org.slf4j.", "Logback"),
            Map.entry("com.nimbusds.", "Nimbus JOSE (JWT)"),
            Map.entry("org.borderledger.", "ledger code"));

    private Profile() {}

    /** Summarises every {@code profile-*.jfr} in {@code work}: phase → service → summary. */
    static Map<String, Object> summarizeAll(Path work, int top) throws IOException {
        Map<String, Object> phases = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(work)) {
            files = list.filter(
                            file -> FILE.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            Matcher name = FILE.matcher(file.getFileName().toString());
            name.matches();
            @SuppressWarnings("unchecked")
            Map<String, Object> services =
                    (Map<String, Object>) phases.computeIfAbsent(name.group(1), phase -> new LinkedHashMap<>());
            services.put(name.group(2), summarize(file, top));
        }
        return phases;
    }

    static Map<String, Object> summarize(Path jfr, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(method(frames.get(0)), 1L, Long::sum);
                libraries.merge(library(frames), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = method(frame);
                    if (method.startsWith(LEDGER) && !method.contains("$$Lambda") && seen.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
                threads.merge(threadGroup(event), 1L, Long::sum);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", jfr.getFileName().toString());
        summary.put("samples", samples);
        summary.put("selfTop", ranked(self, samples, top));
        summary.put("libraries", ranked(libraries, samples, top));
        summary.put("threads", ranked(threads, samples, top));
        summary.put("ledgerInclusive", ranked(inclusive, samples, top));
        return summary;
    }

    /** The summaries as plain text, one block per phase and service. */
    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> phases, int lines) {
        StringBuilder out = new StringBuilder();
        phases.forEach((phase, services) -> ((Map<String, Object>) services).forEach((service, summary) -> {
            Map<String, Object> s = (Map<String, Object>) summary;
            out.append(String.format(
                    Locale.ROOT, "%n== %s: %s (%s execution samples)%n", phase, service, s.get("samples")));
            for (String part : List.of("libraries", "selfTop", "threads", "ledgerInclusive")) {
                out.append("-- ").append(title(part)).append('\n');
                List<Map<String, Object>> rows = (List<Map<String, Object>>) s.get(part);
                rows.stream()
                        .limit(lines)
                        .forEach(row -> out.append(String.format(
                                Locale.ROOT, "%6.1f %%  %s%n", (Double) row.get("percent"), row.get("name"))));
            }
        }));
        return out.toString();
    }

    private static String title(String part) {
        return switch (part) {
            case "libraries" -> "by library (first frame outside the JDK)";
            case "selfTop" -> "top frames (self)";
            case "threads" -> "by thread";
            default -> "the ledger's own methods anywhere on the stack (inclusive)";
        };
    }

    private static List<Map<String, Object>> ranked(Map<String, Long> counts, long total, int top) {
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(entry -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", entry.getKey());
                    row.put("samples", entry.getValue());
                    row.put("percent", Math.round(entry.getValue() * 1000.0 / Math.max(1, total)) / 10.0);
                    rows.add(row);
                });
        return rows;
    }

    static String method(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null || method.getType() == null) {
            return "(unknown)";
        }
        return method.getType().getName() + "." + method.getName();
    }

    static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            RecordedMethod method = frame.getMethod();
            if (method == null || method.getType() == null) {
                continue;
            }
            String type = method.getType().getName();
            if (JDK_PACKAGES.stream().noneMatch(type::startsWith)) {
                return libraryOf(type);
            }
        }
        String first = method(frames.get(0));
        return "JDK only (" + packagePrefix(first, 2) + ")";
    }

    static String libraryOf(String type) {
        for (Map.Entry<String, String> library : LIBRARIES) {
            if (type.startsWith(library.getKey())) {
                return library.getValue();
            }
        }
        return packagePrefix(type, 3);
    }

    private static String packagePrefix(String name, int segments) {
        String[] parts = name.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(segments, Math.max(1, parts.length - 1))));
    }

    /** Thread names with their numbers removed, so a pool's threads count as one. */
    private static String threadGroup(RecordedEvent event) {
        Object thread = event.getValue("sampledThread");
        String name = thread instanceof jdk.jfr.consumer.RecordedThread recorded ? recorded.getJavaName() : null;
        return name == null ? "(unknown)" : name.replaceAll("\\d+", "N");
    }
}
