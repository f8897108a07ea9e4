package org.borderledger.command.evidence;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Waiting in tests for the global seal of the event store to cover a position. */
public final class Seals {

    private Seals() {}

    /**
     * Waits until a seal covers {@code position}. The seal waits for a missing position to settle (5 s in tests) and
     * moves on with the next batch, so while waiting this appends a harmless event every second.
     */
    public static void awaitSealed(JdbcTemplate jdbc, EventStore eventStore, long position) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long nextNudge = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (sealedThrough(jdbc) < position) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No seal reached position " + position + " within 60 s");
            }
            if (System.nanoTime() > nextNudge) {
                String nudge = "SEAL-NUDGE-" + UUID.randomUUID().toString().substring(0, 8);
                eventStore.publish(new GenericDomainEventMessage<>(
                        "BorderMarker",
                        nudge,
                        0,
                        new MarkerPlanned(nudge, MarkerType.REFERENCE, new GeoPoint(10.4, 104.4), Side.VN)));
                nextNudge = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The highest position a seal covers, 0 before the first seal. */
    public static long sealedThrough(JdbcTemplate jdbc) {
        Long position = jdbc.queryForObject("select max(position) from event_seal", Long.class);
        return position == null ? 0 : position;
    }
}
