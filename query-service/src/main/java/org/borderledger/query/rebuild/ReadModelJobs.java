package org.borderledger.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.borderledger.operations.jobs.BackgroundJobs;
import org.borderledger.security.LedgerPrincipal;
import org.springframework.stereotype.Component;

/**
 * The runners of the jobs that read the whole topic against the read models — replays and consistency checks — on the
 * services' one background-job lifecycle ({@link BackgroundJobs}), their slot the read model lock: one job at a time
 * across every instance sharing the read model database, and none within the cooldown after the last one ended. Only
 * an {@code ADMIN} starts one; an {@code AUDITOR} reads their progress and results.
 */
@Component
public class ReadModelJobs {

    private final Map<ReadModelLock.Kind, BackgroundJobs> runners = new EnumMap<>(ReadModelLock.Kind.class);

    ReadModelJobs(ReadModelLock lock, RebuildProperties properties, Clock clock) {
        for (ReadModelLock.Kind kind : ReadModelLock.Kind.values()) {
            runners.put(
                    kind,
                    new BackgroundJobs(
                            "read-model-job",
                            lock.slot(kind, properties),
                            clock,
                            properties.progressInterval(),
                            properties.staleAfter()));
        }
    }

    /** The runner of {@code kind}'s jobs. */
    public BackgroundJobs of(ReadModelLock.Kind kind) {
        return runners.get(kind);
    }

    /** {@link AdminOnly} unless {@code requester} has the role {@code ADMIN}. */
    public static void requireAdmin(LedgerPrincipal requester) {
        if (!requester.roles().contains(LedgerPrincipal.ADMIN)) {
            throw new AdminOnly();
        }
    }

    /** Interrupts a running job (it records itself INTERRUPTED) and gives it a moment to clean up. */
    @PreDestroy
    void stop() {
        runners.values().forEach(BackgroundJobs::close);
    }
}
