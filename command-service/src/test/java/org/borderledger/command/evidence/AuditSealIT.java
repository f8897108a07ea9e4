package org.borderledger.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.evidence.EventHash;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealChain;
import org.borderledger.evidence.SealSignatures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit-seal processor checkpoints the chain over the whole table, in global order, as events arrive. */
@CommandServiceIT
class AuditSealIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventSealRepository seals;

    @Autowired
    SealKeys keys;

    @Test
    void checkpointsTheChainOverEveryStoredEventInGlobalOrder() {
        long last = 0;
        for (int i = 0; i < 5; i++) {
            last = plan("SEAL-IT-" + UUID.randomUUID());
        }
        awaitSealedThrough(last);

        List<Map<String, Object>> seals =
                jdbc.queryForList("select position, events_sealed, chain_hash from event_seal order by position");
        assertThat(seals).isNotEmpty();
        String chain = SealChain.GENESIS;
        long counted = 0;
        int next = 0;
        for (Map<String, Object> row : jdbc.queryForList(
                "select global_index, meta_data from domain_event_entry where global_index <= ? order by global_index",
                last)) {
            long position = ((Number) row.get("global_index")).longValue();
            chain = SealChain.next(chain, position, EventHash.storedHash((byte[]) row.get("meta_data")));
            counted++;
            while (next < seals.size() && ((Number) seals.get(next).get("position")).longValue() == position) {
                assertThat(seals.get(next).get("chain_hash"))
                        .as("seal at " + position)
                        .isEqualTo(chain);
                assertThat(((Number) seals.get(next).get("events_sealed")).longValue())
                        .isEqualTo(counted);
                next++;
            }
        }
        assertThat(next).as("seals checked up to position " + last).isPositive();
    }

    @Test
    void eachSealSignsTheMerkleRootOverEveryEventUpToItAndTheOnePassRebuildsIt() {
        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = plan("SEAL-IT-" + UUID.randomUUID());
        }
        awaitSealedThrough(last);

        List<Seal> stored = jdbc.query(
                "select " + EventSealRepository.SEAL_COLUMNS + " from event_seal order by position",
                EventSealRepository.SEAL);
        MerkleTree.Frontier tree = MerkleTree.Frontier.EMPTY;
        int next = 0;
        for (Map<String, Object> row :
                jdbc.queryForList("select global_index, meta_data from domain_event_entry order by global_index")) {
            long position = ((Number) row.get("global_index")).longValue();
            tree = tree.append(MerkleTree.eventLeaf(position, EventHash.storedHash((byte[]) row.get("meta_data"))));
            while (next < stored.size() && stored.get(next).position() == position) {
                Seal seal = stored.get(next++);
                assertThat(seal.merkleRoot()).as("seal at " + position).isEqualTo(MerkleTree.hex(tree.root()));
                assertThat(SealSignatures.verify(seal, keys.signing().getPublic()))
                        .isTrue();
            }
        }
        assertThat(next).isEqualTo(stored.size());
        Seal latest = stored.get(stored.size() - 1);
        assertThat(MerkleTree.hex(seals.treeUpTo(latest.position()).root())).isEqualTo(latest.merkleRoot());
        assertThat(seals.frontierAt(latest.position()))
                .hasValueSatisfying(edge -> assertThat(edge.root()).isEqualTo(MerkleTree.bytes(latest.merkleRoot())));
    }

    private long plan(String id) {
        eventStore.publish(new GenericDomainEventMessage<>(
                "BorderMarker",
                id,
                0,
                new MarkerPlanned(id, MarkerType.REFERENCE, new GeoPoint(10.4, 104.4), Side.VN)));
        return jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ?", Long.class, id);
    }

    /** A missing position holds the seal back until it settles (5 s in tests); later events let it move on. */
    private void awaitSealedThrough(long position) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Long sealed = jdbc.queryForObject("select max(position) from event_seal", Long.class);
            if (sealed != null && sealed >= position) {
                return;
            }
            assertThat(System.nanoTime()).as("no seal reached " + position).isLessThan(deadline);
            plan("SEAL-NUDGE-" + UUID.randomUUID());
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
