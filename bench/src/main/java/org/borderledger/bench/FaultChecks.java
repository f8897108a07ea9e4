package org.borderledger.bench;

import static org.borderledger.bench.FaultSuite.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderledger.events.EventMetadata;

/**
 * What a fault run checks: that every acknowledged write is in the event store exactly once, at the position its
 * answer named (after each fault and at the end), and that each query instance's read models equal a fresh rebuild (a
 * consistency check, at the end).
 */
final class FaultChecks {

    private final FaultCluster cluster;
    private final FaultLoad load;
    private final AdminJobs jobs;

    FaultChecks(FaultCluster cluster, FaultLoad load, AdminJobs jobs) {
        this.cluster = cluster;
        this.load = load;
        this.jobs = jobs;
    }

    /** Every acknowledged write's key in the store, each exactly once, at the position its answer named. */
    Map<String, Object> store() {
        Map<String, Long> acked = load.acknowledged();
        Map<String, List<Long>> stored = new HashMap<>();
        for (int attempt = 0; ; attempt++) {
            try (Connection connection = cluster.connect(FaultCluster.COMMAND_DB);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT convert_from(meta_data, 'UTF8')::jsonb"
                            + " ->> '" + EventMetadata.IDEMPOTENCY_KEY + "', global_index FROM domain_event_entry"
                            + " WHERE convert_from(meta_data, 'UTF8')::jsonb ->> '" + EventMetadata.IDEMPOTENCY_KEY
                            + "' LIKE '"
                            + load.keyPrefix() + "%'")) {
                while (rows.next()) {
                    stored.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(rows.getLong(2));
                }
                break;
            } catch (SQLException e) {
                if (attempt > 30) {
                    throw new IllegalStateException(e);
                }
                stored.clear();
                sleep(Duration.ofSeconds(1));
            }
        }
        long missing = 0;
        long doubled = 0;
        long elsewhere = 0;
        List<String> samples = new ArrayList<>();
        for (Map.Entry<String, Long> ack : acked.entrySet()) {
            List<Long> positions = stored.get(ack.getKey());
            if (positions == null) {
                missing++;
                if (samples.size() < 5) {
                    samples.add("missing " + ack.getKey());
                }
            } else if (positions.size() > 1) {
                doubled++;
                if (samples.size() < 5) {
                    samples.add("doubled " + ack.getKey() + " " + positions);
                }
            } else if (!positions.get(0).equals(ack.getValue())) {
                elsewhere++;
            }
        }
        Set<String> unacknowledged = new HashSet<>(stored.keySet());
        unacknowledged.removeAll(acked.keySet());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("acknowledged", (long) acked.size());
        result.put("missing", missing);
        result.put("doubled", doubled);
        result.put("atAnotherPosition", elsewhere);
        result.put("storedWithoutAcknowledgement", (long) unacknowledged.size());
        result.put("samples", samples);
        return result;
    }

    /** A consistency check on the named query instance (it compares once the live read models caught up). */
    Map<String, Object> consistency(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("instance", name);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> started =
                    jobs.start(cluster.queryUrl(name) + "/api/admin/consistency-checks", deadline);
            if (started.statusCode() == 409 || started.statusCode() == 503) {
                sleep(Duration.ofSeconds(2));
                continue;
            }
            if (started.statusCode() != 202) {
                result.put("failure", started.statusCode() + " " + started.body());
                return result;
            }
            JsonNode check = jobs.await(
                    URI.create(started.headers().firstValue("Location").orElseThrow()), deadline);
            String status = check.path("status").asText();
            if (status.equals("RUNNING")) {
                break;
            }
            result.put("status", status);
            result.put("consistent", check.path("consistent").asBoolean(false));
            result.put("rowsCompared", check.path("rowsCompared").asLong());
            result.put("eventsTotal", check.path("eventsTotal").asLong());
            result.put("differencesTotal", check.path("differencesTotal").asLong());
            if (check.hasNonNull("positionGaps")) {
                result.put("positionGaps", check.get("positionGaps").toString());
            }
            if (check.hasNonNull("failure")) {
                result.put("failure", check.get("failure").asText());
            }
            if (check.path("differences").size() > 0) {
                result.put("differences", check.get("differences").toString());
            }
            return result;
        }
        result.put("failure", "no result within 10 minutes");
        return result;
    }
}
