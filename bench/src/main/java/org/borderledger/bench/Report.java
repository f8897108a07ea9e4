package org.borderledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gathers the phases' figures (JSON files in the run's work directory) with the machine, the pgbench rate and the
 * services' resident memory into {@code bench/results/<date>.json}, prints the table with each target, and (full runs)
 * rewrites the latest-figures section of {@code docs/benchmarks.md}.
 */
final class Report {

    static final String START = "<!-- bench:latest:start -->";
    static final String END = "<!-- bench:latest:end -->";

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One line of the table: a figure, its target, and whether it meets it (null: no target). */
    record Line(String measure, String value, String target, Boolean met) {}

    private Report() {}

    /** @return whether every write of the run was answered 201 */
    static boolean write(Path work, boolean quick, Path resultsDir, Path benchmarks, ObjectNode extra)
            throws IOException {
        ObjectNode all = json.createObjectNode();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        all.put("date", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        all.put("mode", quick ? "quick" : "full");
        all.set("machine", machine());
        for (String phase : List.of(
                "ingest", "e2e", "e2eQuarter", "replayProduce", "replay", "pgbench", "memory", "settings", "profile")) {
            Path file = work.resolve(phase + ".json");
            if (Files.exists(file)) {
                all.set(phase, json.readTree(file.toFile()));
            }
        }
        extra.fields().forEachRemaining(field -> all.set(field.getKey(), field.getValue()));
        List<Line> lines = lines(all);
        ObjectNode targets = all.putObject("targets");
        for (Line line : lines) {
            if (line.met() != null) {
                targets.put(line.measure(), line.met());
            }
        }

        Files.createDirectories(resultsDir);
        String name = LocalDate.now(ZoneOffset.UTC) + (quick ? "-quick" : "") + ".json";
        Path resultFile = resultsDir.resolve(name);
        json.writeValue(resultFile.toFile(), all);

        String table = table(lines);
        System.out.println();
        System.out.println("Border Cooperation Ledger benchmark ("
                + all.get("mode").asText() + "), " + all.get("date").asText() + ", " + describe(all.get("machine")));
        System.out.println(table);
        System.out.println("Figures: " + resultFile);
        if (!quick && benchmarks != null) {
            updateBenchmarks(benchmarks, all, table, resultFile);
            System.out.println("Latest figures written to " + benchmarks);
        }
        return non201(all) == 0;
    }

    static long non201(JsonNode all) {
        return all.path("ingest").path("non201").asLong(0)
                + all.path("e2e").path("non201").asLong(0)
                + all.path("e2eQuarter").path("non201").asLong(0);
    }

    static List<Line> lines(JsonNode all) {
        List<Line> lines = new ArrayList<>();
        JsonNode ingest = all.path("ingest");
        JsonNode pgbench = all.path("pgbench");
        if (!ingest.isMissingNode()) {
            double rate = ingest.path("commandsPerS").asDouble();
            JsonNode latency = ingest.path("latency");
            lines.add(new Line(
                    "ingest commands/s (" + ingest.path("clients").asInt() + " clients, "
                            + ingest.path("durationS").asText() + " s)",
                    format(rate),
                    ">= 2,000",
                    rate >= 2000));
            lines.add(new Line(
                    "ingest latency p50 / p95 / p99 / max (ms)",
                    latency.path("p50Ms").asText() + " / "
                            + latency.path("p95Ms").asText() + " / "
                            + latency.path("p99Ms").asText() + " / "
                            + latency.path("maxMs").asText(),
                    "p99 < 50",
                    latency.path("p99Ms").asDouble() < 50));
            lines.add(new Line(
                    "ingest answers other than 201",
                    Long.toString(ingest.path("non201").asLong()),
                    "0",
                    ingest.path("non201").asLong() == 0));
            JsonNode cpu = ingest.path("cpu");
            if (cpu.has("cpuMsPerUnit")) {
                StringBuilder perCommand = new StringBuilder();
                cpu.path("cpuMsPerUnit").fields().forEachRemaining(part -> perCommand
                        .append(perCommand.length() == 0 ? "" : ", ")
                        .append(part.getKey())
                        .append(" ")
                        .append(part.getValue().asText()));
                lines.add(new Line("ingest CPU ms per command", perCommand.toString(), null, null));
                lines.add(new Line(
                        "machine busy during ingest (of which other work, CPU s)",
                        String.format(
                                        Locale.ROOT,
                                        "%.0f %%",
                                        cpu.path("machineBusyShare").asDouble() * 100) + " ("
                                + cpu.path("otherWorkCpuS").asText() + ")",
                        null,
                        null));
            }
            double tps = pgbench.path("tps").asDouble(0);
            if (tps > 0) {
                lines.add(new Line("pgbench single-row INSERT commits/s (16 clients)", format(tps), null, null));
                double ratio = rate / tps;
                lines.add(new Line(
                        "ingest / pgbench",
                        String.format(Locale.ROOT, "%.0f %%", ratio * 100),
                        ">= 35 %",
                        ratio >= 0.35));
            }
        }
        JsonNode e2e = all.path("e2e");
        if (!e2e.isMissingNode()) {
            JsonNode latency = e2e.path("latency");
            lines.add(new Line(
                    "end-to-end p50 / p99 (ms) at "
                            + format(e2e.path("ratePerS").asDouble()) + " writes/s",
                    latency.path("p50Ms").asText() + " / "
                            + latency.path("p99Ms").asText(),
                    "p99 < 250",
                    latency.path("p99Ms").asDouble() < 250
                            && e2e.path("readFailures").asLong() == 0
                            && e2e.path("non201").asLong() == 0));
            if (e2e.path("cpu").has("cpuMsPerUnit")) {
                StringBuilder perWrite = new StringBuilder();
                e2e.path("cpu").path("cpuMsPerUnit").fields().forEachRemaining(part -> perWrite.append(
                                perWrite.length() == 0 ? "" : ", ")
                        .append(part.getKey())
                        .append(" ")
                        .append(part.getValue().asText()));
                lines.add(new Line("end-to-end CPU ms per write and its read", perWrite.toString(), null, null));
                lines.add(new Line(
                        "end-to-end write latency from its due time p50 / p99 (ms)",
                        e2e.path("writeLatencyFromDueTime").path("p50Ms").asText() + " / "
                                + e2e.path("writeLatencyFromDueTime")
                                        .path("p99Ms")
                                        .asText(),
                        null,
                        null));
            }
            JsonNode quarter = all.path("e2eQuarter");
            if (!quarter.isMissingNode()) {
                lines.add(new Line(
                        "end-to-end p50 / p99 (ms) at "
                                + format(quarter.path("ratePerS").asDouble())
                                + " writes/s (a quarter of the ingest rate)",
                        quarter.path("latency").path("p50Ms").asText() + " / "
                                + quarter.path("latency").path("p99Ms").asText(),
                        null,
                        null));
            }
            lines.add(new Line(
                    "end-to-end reads failed / writes not answered 201",
                    e2e.path("readFailures").asLong() + " / "
                            + e2e.path("non201").asLong(),
                    null,
                    null));
            lines.add(new Line(
                    "read side caught up with the ingest backlog after (s)",
                    e2e.path("readSideCaughtUpAfterIngestS").asText(),
                    null,
                    null));
        }
        JsonNode replay = all.path("replay");
        if (!replay.isMissingNode()) {
            lines.add(new Line(
                    "replay events/s (" + format(replay.path("events").asDouble()) + " events, "
                            + replay.path("wallS").asText() + " s)",
                    format(replay.path("eventsPerS").asDouble()),
                    ">= 20,000",
                    replay.path("eventsPerS").asDouble() >= 20000));
            if (replay.path("cpu").has("cpuMsPerUnit")) {
                StringBuilder perEvent = new StringBuilder();
                replay.path("cpu").path("cpuMsPerUnit").fields().forEachRemaining(part -> perEvent.append(
                                perEvent.length() == 0 ? "" : ", ")
                        .append(part.getKey())
                        .append(" ")
                        .append(part.getValue().asText()));
                lines.add(new Line("replay CPU ms per event", perEvent.toString(), null, null));
            }
            JsonNode heap = replay.path("heap");
            if (heap.has("heapUsedPeakMiB")) {
                lines.add(new Line(
                        "replay query-service heap peak: in use / old generation after GC (MiB, of "
                                + heap.path("heapMaxMiB").asText() + ")",
                        heap.path("heapUsedPeakMiB").asText() + " / "
                                + heap.path("liveDataPeakMiB").asText(),
                        null,
                        null));
            }
        }
        JsonNode memory = all.path("memory");
        for (String service : List.of("commandService", "queryService")) {
            if (memory.path(service + "RssKiB").asLong() > 0) {
                double mib = memory.path(service + "RssKiB").asDouble() / 1024;
                lines.add(new Line(
                        service.replace("Service", "-service") + " resident memory after ingest (MiB)",
                        format(mib),
                        "< 512",
                        mib < 512));
            }
        }
        if (memory.has("replayQueryServiceRssKiB")) {
            lines.add(new Line(
                    "query-service resident memory after replay (MiB)",
                    format(memory.path("replayQueryServiceRssKiB").asDouble() / 1024),
                    null,
                    null));
        }
        return lines;
    }

    static String table(List<Line> lines) {
        StringBuilder table = new StringBuilder();
        table.append("| measure | value | target | met |\n|---|---:|---|---|\n");
        for (Line line : lines) {
            table.append("| ")
                    .append(line.measure())
                    .append(" | ")
                    .append(line.value())
                    .append(" | ")
                    .append(line.target() == null ? "" : line.target())
                    .append(" | ")
                    .append(line.met() == null ? "" : line.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return table.toString();
    }

    private static void updateBenchmarks(Path benchmarks, JsonNode all, String table, Path resultFile)
            throws IOException {
        String section = START + "\n" + "Run of " + all.get("date").asText() + " (`bench/run.sh`, full mode) on "
                + describe(all.get("machine")) + "; all figures in `" + resultFile + "`.\n\n" + table + END;
        String text = Files.exists(benchmarks)
                ? Files.readString(benchmarks, StandardCharsets.UTF_8)
                : "# Benchmarks\n\n## Latest figures\n\n" + START + "\n" + END + "\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            text = text + "\n## Latest figures\n\n" + section + "\n";
        } else {
            text = text.substring(0, start) + section + text.substring(end + END.length());
        }
        Files.writeString(benchmarks, text, StandardCharsets.UTF_8);
    }

    private static ObjectNode machine() throws IOException {
        ObjectNode machine = json.createObjectNode();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    machine.put("memoryGiB", Math.round(kib / 1024.0 / 1024.0 * 10) / 10.0);
                }
            }
        }
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            Files.readAllLines(cpuinfo).stream()
                    .filter(line -> line.startsWith("model name"))
                    .findFirst()
                    .ifPresent(line -> machine.put(
                            "cpu", line.substring(line.indexOf(':') + 1).trim()));
        }
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.runtime.version"));
        return machine;
    }

    private static String describe(JsonNode machine) {
        return machine.path("cores").asInt() + " cores, "
                + machine.path("memoryGiB").asText() + " GiB"
                + (machine.has("cpu") ? " (" + machine.get("cpu").asText() + ")" : "");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
