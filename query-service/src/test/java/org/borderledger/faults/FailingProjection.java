package org.borderledger.faults;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.borderledger.events.marker.MarkerPlanned;

/**
 * A projection of the {@code projections} processor that throws {@link #error} for every marker whose id starts with
 * "FAIL-", for tests that add it to a query service. It lives outside the service's packages, so nothing scans it in.
 */
@ProcessingGroup("projections")
public class FailingProjection {

    /** What the projection throws; nothing while it is null. */
    public static volatile Throwable error;

    /** How many times it threw. */
    public static final AtomicInteger calls = new AtomicInteger();

    @EventHandler
    void on(MarkerPlanned event) throws Exception {
        Throwable thrown = error;
        if (event.markerId().startsWith("FAIL-") && thrown != null) {
            calls.incrementAndGet();
            if (thrown instanceof Error e) {
                throw e;
            }
            throw (Exception) thrown;
        }
    }
}
