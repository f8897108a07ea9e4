package org.borderledger.bench;

import static org.borderledger.bench.FaultSuite.log;
import static org.borderledger.bench.FaultSuite.sleep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of a run, one at a time under the paced load: {@code kill -9} of a query instance and its restart, the
 * broker stopped, PostgreSQL killed and restarted, the broker paused ({@code SIGSTOP}), and last {@code kill -9} of the
 * publishing command instance. After each: what the writers saw during it, the time until end-to-end latency is back
 * under the steady phase's p99, and the store check.
 */
final class Faults {

    private final FaultCluster cluster;
    private final FaultLoad load;
    private final FaultChecks checks;
    private final boolean quick;
    private final List<Map<String, Object>> phases = new ArrayList<>();

    Faults(FaultCluster cluster, FaultLoad load, FaultChecks checks, boolean quick) {
        this.cluster = cluster;
        this.load = load;
        this.checks = checks;
        this.quick = quick;
    }

    /** Every fault in turn; what each phase saw. {@code normalP99} is the steady end-to-end p99 (ms). */
    List<Map<String, Object>> run(double normalP99) throws Exception {
        Duration recoveryLimit = Duration.ofSeconds(quick ? 45 : 120);

        fault("kill -9 of a query instance, restarted after 10 s", recoveryLimit, normalP99, record -> {
            record.put("tokenOwnersBefore", cluster.tokenOwners(FaultCluster.QUERY_DB));
            cluster.killQuery("query-a");
            sleep(Duration.ofSeconds(10));
            cluster.restartQuery("query-a");
            return () -> cluster.awaitQueryReady("query-a", Duration.ofSeconds(180));
        });
        Duration brokerDown = Duration.ofSeconds(quick ? 15 : 60);
        fault("broker stopped for " + brokerDown.toSeconds() + " s", recoveryLimit, normalP99, record -> {
            cluster.stopBroker();
            sleep(brokerDown);
            cluster.startBroker();
            return () -> {};
        });
        fault("PostgreSQL killed and restarted", recoveryLimit, normalP99, record -> {
            cluster.killAndRestartPostgres();
            return () -> {};
        });
        Duration paused = Duration.ofSeconds(quick ? 10 : 30);
        fault("broker paused (SIGSTOP) for " + paused.toSeconds() + " s", recoveryLimit, normalP99, record -> {
            cluster.signalBroker("STOP");
            sleep(paused);
            cluster.signalBroker("CONT");
            return () -> {};
        });
        fault("kill -9 of the publishing command instance", recoveryLimit, normalP99, record -> {
            String owner = cluster.publisherOwner();
            record.put("publisherBefore", owner);
            long killed = System.nanoTime();
            load.writeTo(owner, false);
            cluster.killCommand(owner);
            String successor = cluster.awaitPublisherOtherThan(owner, Duration.ofSeconds(60));
            record.put("publisherAfter", successor);
            record.put("takeoverMs", (System.nanoTime() - killed) / 1_000_000);
            // the last fault: the run ends on the remaining instance
            return () -> {};
        });
        return phases;
    }

    @FunctionalInterface
    private interface Fault {
        /** Causes the fault, ends it, and answers what brings the system back to full strength (waited for). */
        Runnable cause(Map<String, Object> record) throws Exception;
    }

    private void fault(String name, Duration recoveryLimit, double normalP99, Fault fault) throws Exception {
        log("fault: " + name);
        FaultLoad.Phase current = load.begin(name);
        Map<String, Object> record = new LinkedHashMap<>();
        long started = System.nanoTime();
        Runnable restore = fault.cause(record);
        long ended = System.nanoTime();
        record.put("faultS", Math.round((ended - started) / 1e8) / 10.0);
        record.put("e2eBackUnderNormalP99AfterS", load.recoveredAfter(ended, normalP99, recoveryLimit));
        restore.run();
        sleep(Duration.ofSeconds(5));
        Map<String, Object> summary = current.summary();
        summary.putAll(record);
        summary.put("store", checks.store());
        phases.add(summary);
        log("  " + summary);
    }
}
