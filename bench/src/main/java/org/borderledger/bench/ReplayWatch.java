package org.borderledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Watches a fresh query service rebuild its read models from the replay topic, in its database: the rebuild starts
 * when the first batch of projections begins ({@code min(processed_at)} in {@code processed_position}) and ends when
 * every position 1..N is there. Both instants come from the database's clock. With the service's management URL, its
 * heap's peaks too ({@link HeapWatch}). A rebuild that has started and then processes nothing for the stall time has
 * failed, whatever time is left.
 */
final class ReplayWatch {

    private ReplayWatch() {}

    static Map<String, Object> watch(
            String jdbcUrl, String user, long events, Duration timeout, Duration stall, CpuUsage cpu, HeapWatch heap)
            throws InterruptedException {
        try {
            Map<String, Object> result = watch(jdbcUrl, user, events, timeout, stall, cpu);
            if (heap != null) {
                result.put("heap", heap.figures());
            }
            return result;
        } catch (IllegalStateException e) {
            if (heap != null) {
                System.out.printf("  replay: heap %s%n", heap.figures());
            }
            throw e;
        } finally {
            if (heap != null) {
                heap.close();
            }
        }
    }

    private static Map<String, Object> watch(
            String jdbcUrl, String user, long events, Duration timeout, Duration stall, CpuUsage cpu)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastCount = -1;
        long lastReport = System.nanoTime();
        long lastHighest = 0;
        long lastMove = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                    Statement statement = connection.createStatement()) {
                while (System.nanoTime() < deadline) {
                    long highest = single(statement, "SELECT COALESCE(MAX(position), 0) FROM processed_position");
                    if (highest != lastHighest) {
                        lastHighest = highest;
                        lastMove = System.nanoTime();
                    } else if (highest > 0 && System.nanoTime() - lastMove > stall.toNanos()) {
                        throw new IllegalStateException("Replay stalled at position " + highest + " of " + events
                                + ": nothing more processed for " + stall);
                    }
                    if (highest >= events) {
                        long count = single(statement, "SELECT COUNT(*) FROM processed_position");
                        if (count >= events) {
                            Map<String, Object> result = result(statement, events);
                            result.put("cpu", cpu.stop(events, (System.nanoTime() - started) / 1e9));
                            return result;
                        }
                        lastCount = count;
                    }
                    if (System.nanoTime() - lastReport > 10_000_000_000L) {
                        System.out.printf("  replay: highest processed position %d of %d%n", highest, events);
                        lastReport = System.nanoTime();
                    }
                    Thread.sleep(100);
                }
            } catch (SQLException notThereYet) {
                // the service has not created its tables yet
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Replay did not finish within " + timeout + " (last count " + lastCount + ")");
    }

    private static Map<String, Object> result(Statement statement, long events) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT EXTRACT(EPOCH FROM (clock_timestamp() - MIN(processed_at))),"
                + " EXTRACT(EPOCH FROM (MAX(processed_at) - MIN(processed_at))) FROM processed_position")) {
            rs.next();
            double seconds = rs.getDouble(1);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("events", events);
            result.put("wallS", Math.round(seconds * 10) / 10.0);
            result.put("eventsPerS", Math.round(events / seconds));
            return result;
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
