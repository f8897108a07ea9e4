package org.borderledger.bench;

import static org.borderledger.bench.FaultSuite.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last part of a fault run: how the read side's rebuild scales with the number of query instances. */
final class ReadSideScaling {

    private final FaultCluster cluster;
    private final AdminJobs jobs;

    ReadSideScaling(FaultCluster cluster, AdminJobs jobs) {
        this.cluster = cluster;
        this.jobs = jobs;
    }

    /**
     * The read side's events/s with 1, 2 and 3 query instances sharing a fresh read-model database, on the topic the run
     * wrote (6 partitions): the instances start, catch up, and then one of them replays the whole topic; the replay
     * takes every segment, the instances share them out again, and the figure is the topic's records divided by the
     * time from the reset to the replay's end. Complete when each replay completed and the read models then held every
     * event of the store once.
     */
    List<Map<String, Object>> run() throws Exception {
        long events = cluster.count(FaultCluster.COMMAND_DB, "SELECT count(*) FROM domain_event_entry");
        List<Map<String, Object>> results = new ArrayList<>();
        for (int instances = 1; instances <= 3; instances++) {
            String database = "ledger_f_scale_" + instances;
            cluster.createDatabase(database);
            FaultSuite.log(
                    "read side with " + instances + " query instance(s) on " + database + ": " + events + " events");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("instances", instances);
            result.put("events", events);
            List<FaultCluster.Service> started = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    started.add(cluster.startScaleQuery("scale-" + instances + "-" + i, i, database));
                }
                for (FaultCluster.Service service : started) {
                    service.awaitReady(Duration.ofSeconds(240));
                }
                String processed = "SELECT count(*) FROM processed_position";
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (cluster.count(database, processed) < events && System.nanoTime() < deadline) {
                    sleep(Duration.ofSeconds(1));
                }
                sleep(Duration.ofSeconds(3));
                result.put(
                        "segmentOwnersBeforeReplay",
                        cluster.tokenOwners(database).get("projections"));
                JsonNode replay = jobs.replay(cluster.scaleQueryUrl(0));
                result.put("replayStatus", replay.path("status").asText());
                if (replay.hasNonNull("resetAt") && replay.hasNonNull("finishedAt")) {
                    Duration took = Duration.between(
                            Instant.parse(replay.get("resetAt").asText()),
                            Instant.parse(replay.get("finishedAt").asText()));
                    long total = replay.path("eventsTotal").asLong();
                    result.put("recordsReplayed", total);
                    result.put("replayS", took.toMillis() / 1000.0);
                    result.put("eventsPerS", took.isZero() ? null : Math.round(total * 1000.0 / took.toMillis()));
                }
                sleep(Duration.ofSeconds(3));
                result.put(
                        "segmentOwnersAfterReplay",
                        cluster.tokenOwners(database).get("projections"));
                long projected = cluster.count(database, processed);
                result.put("positionsProjected", projected);
                result.put("complete", "COMPLETED".equals(replay.path("status").asText()) && projected == events);
            } finally {
                for (FaultCluster.Service service : started) {
                    service.stop();
                }
            }
            FaultSuite.log("read side with " + instances + " instance(s): " + result);
            results.add(result);
        }
        return results;
    }
}
