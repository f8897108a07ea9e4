package org.borderledger.command.marker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A marker with 10,000 events (planned, completed, then damaged and repaired again and again) takes a write, after
 * which it has a snapshot: the next load reads the snapshot and at most the threshold's number of events, and the marker
 * still follows its rules. The audit API still folds every event, never the snapshot.
 */
@CommandServiceIT
class MarkerSnapshotsIT {

    private static final int HISTORY = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("markerCache")
    Cache markerCache;

    @Value("${ledger.snapshots.threshold}")
    int threshold;

    @Test
    void aMarkerWithTenThousandEventsLoadsFromItsSnapshotAndTheEventsAfterIt() {
        String id = "SNAP-" + UUID.randomUUID().toString().substring(0, 8);
        storeHistory(id);
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);

        LedgerHttp.Response repair =
                http.post("/api/markers/" + id + "/repairs", Tokens.kienGiang(), "{\"repairedOn\":\"2024-05-20\"}");
        assertThat(repair.status()).as(repair.body()).isEqualTo(201);

        Long snapshotAt = jdbc.queryForObject(
                "select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?", Long.class, id);
        assertThat(snapshotAt).as("a snapshot was taken").isNotNull().isGreaterThan((long) HISTORY - threshold);
        DomainEventStream load = eventStore.readEvents(id);
        List<DomainEventMessage<?>> read = new ArrayList<>();
        load.forEachRemaining(read::add);
        assertThat(read.get(0).getPayload())
                .as("the load starts from the snapshot")
                .isInstanceOf(BorderMarker.class);
        assertThat(read.size()).as("events read besides the snapshot").isLessThanOrEqualTo(threshold + 1);
        assertThat(read.get(read.size() - 1).getSequenceNumber()).isEqualTo(HISTORY);

        markerCache.removeAll();
        LedgerHttp.Response secondRepair =
                http.post("/api/markers/" + id + "/repairs", Tokens.kienGiang(), "{\"repairedOn\":\"2024-05-21\"}");
        assertThat(secondRepair.status()).as(secondRepair.body()).isIn(409, 422);
        assertThat(secondRepair.json().get("type").asText())
                .as("the marker rebuilt from its snapshot knows it is repaired")
                .endsWith("/marker-not-damaged");
        markerCache.removeAll();
        LedgerHttp.Response damage = http.post(
                "/api/markers/" + id + "/damage-reports",
                Tokens.kampot(),
                "{\"damagedOn\":\"2024-06-01\",\"description\":\"Knocked over by a truck\"}");
        assertThat(damage.status())
                .as("the snapshot kept the province that confirmed it: " + damage.body())
                .isEqualTo(201);

        LedgerHttp.Response state = http.get("/api/audit/aggregates/" + id + "/state", Tokens.auditor());
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        assertThat(state.json().get("eventsApplied").asLong()).isEqualTo(HISTORY + 2);
    }

    /** Plans, completes, then damages and repairs the marker until it has {@value #HISTORY} events, in batches. */
    private void storeHistory(String id) {
        MetaData kienGiang = MetaData.with(EventMetadata.PROVINCE, "VN-47")
                .and(EventMetadata.SIDE, "VN")
                .and(EventMetadata.UNIT, "KG-BORDER-GUARD");
        MetaData kampot = MetaData.with(EventMetadata.PROVINCE, "KH-7")
                .and(EventMetadata.SIDE, "KH")
                .and(EventMetadata.UNIT, "KP-BORDER-POLICE");
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        LocalDate day = LocalDate.of(1990, 1, 1);
        for (long sequence = 0; sequence < HISTORY; sequence++) {
            Object payload;
            MetaData metadata = kienGiang;
            if (sequence == 0) {
                payload = new MarkerPlanned(id, MarkerType.MAIN, new GeoPoint(10.43, 104.49), Side.VN);
            } else if (sequence == 1) {
                payload = new MarkerCompletionReported(id, day, new GeoPoint(10.43, 104.49), Side.VN);
            } else if (sequence == 2) {
                payload = new MarkerCompleted(id, day, Side.KH);
                metadata = kampot;
            } else if (sequence % 2 == 1) {
                payload = new MarkerDamaged(id, day, "Flooding");
            } else {
                payload = new MarkerRepaired(id, day, "Rebuilt");
            }
            batch.add(new GenericDomainEventMessage<>("BorderMarker", id, sequence, payload, metadata));
            if (batch.size() == 1_000) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        eventStore.publish(batch);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id))
                .isEqualTo(HISTORY);
    }
}
