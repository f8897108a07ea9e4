package org.borderledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent during a measured window, from Linux's {@code /proc}: by each watched process (the services, the
 * broker), by the PostgreSQL backends serving the watched database, by the load generator itself, and by the whole
 * machine. On a shared two-core machine, CPU milliseconds per command are steadier than throughput, and the machine's
 * total tells how much of it other work took.
 */
final class CpuUsage {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;
    private final String database;
    private final Map<String, Long> before;

    private CpuUsage(Map<String, Long> pids, String database) {
        this.pids = pids;
        this.database = database;
        this.before = sample();
    }

    /** Starts watching; {@code spec} is {@code name=pid,name=pid}, either may be null (nothing to watch). */
    static CpuUsage start(String spec, String database) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                String[] parts = entry.split("=");
                pids.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return new CpuUsage(pids, database);
    }

    /** CPU seconds of each watched part since {@link #start}, and milliseconds per unit of work. */
    Map<String, Object> stop(long units, double elapsedSeconds) {
        Map<String, Long> after = sample();
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> perUnit = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            if (entry.getKey().startsWith("machine")) {
                continue;
            }
            double seconds = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / TICKS_PER_SECOND;
            result.put(entry.getKey() + "CpuS", round(seconds));
            if (units > 0) {
                perUnit.put(entry.getKey(), round(seconds * 1000 / units));
            }
        }
        double busy = (after.get("machineBusy") - before.get("machineBusy")) / TICKS_PER_SECOND;
        double idle = (after.get("machineIdle") - before.get("machineIdle")) / TICKS_PER_SECOND;
        result.put("machineBusyS", round(busy));
        result.put("machineIdleS", round(idle));
        result.put("machineBusyShare", round(busy / Math.max(0.001, busy + idle)));
        double ours = 0;
        for (Map.Entry<String, Object> entry : result.entrySet()) {
            if (entry.getKey().endsWith("CpuS")) {
                ours += (Double) entry.getValue();
            }
        }
        result.put("otherWorkCpuS", round(Math.max(0, busy - ours)));
        result.put("cpuMsPerUnit", perUnit);
        result.put("elapsedS", round(elapsedSeconds));
        return result;
    }

    private Map<String, Long> sample() {
        Map<String, Long> sample = new LinkedHashMap<>();
        pids.forEach((name, pid) -> sample.put(name, ticks(pid)));
        if (database != null) {
            sample.put("postgres", postgresTicks());
        }
        sample.put("loadGenerator", ticks(ProcessHandle.current().pid()));
        long[] machine = machineTicks();
        sample.put("machineBusy", machine[0]);
        sample.put("machineIdle", machine[1]);
        return sample;
    }

    /** utime + stime of one process, 0 when it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The backends whose process title names the database (e.g. {@code postgres: 15/main: postgres ledger_x ...}). */
    private long postgresTicks() {
        long total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String title = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8);
                    if (title.startsWith("postgres:") && title.contains(" " + database + " ")) {
                        total += ticks(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private static long[] machineTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1])
                    + Long.parseLong(f[2])
                    + Long.parseLong(f[3])
                    + Long.parseLong(f[6])
                    + Long.parseLong(f[7])
                    + Long.parseLong(f[8]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {busy, idle};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
