package org.borderledger.command.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.SealChain;
import org.borderledger.evidence.SealSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code audit-seal} tracking processor: after each batch it reads, and in the batch's transaction (the one that
 * stores its token), it extends the global chain over the events up to the batch's last position and writes one
 * checkpoint to {@code event_seal}, signed with the service's seal key ({@link SealKeys}; see {@link TamperEvidence}).
 * Beside the chain it keeps the Merkle tree over the same events in sealing order (its right edge, stored with each
 * seal), and each seal carries and signs the tree's root ({@code contract/evidence.md} sections 5 and 6).
 *
 * <p>The chain runs in global order over the table itself, not in the order events reach the processor: a transaction
 * that commits late can put an event below positions already seen. So the seal stops before any missing position
 * until the event after it was recorded at least {@code ledger.audit.seal.settle-after} ago (60 s), after which the
 * position counts as a rolled-back write, as Axon's own gap timeout assumes.
 */
@Component
@ProcessingGroup(AuditSeal.PROCESSOR)
class AuditSeal {

    static final String PROCESSOR = "audit-seal";

    private static final Logger log = LoggerFactory.getLogger(AuditSeal.class);

    private static final String BATCH_BOUND = AuditSeal.class.getName() + ".bound";

    private final EventSealRepository seals;
    private final SealKeys keys;
    private final Clock clock;
    private final Duration settleAfter;

    AuditSeal(
            EventSealRepository seals,
            SealKeys keys,
            Clock clock,
            @Value("${ledger.audit.seal.settle-after:60s}") Duration settleAfter) {
        this.seals = seals;
        this.keys = keys;
        this.clock = clock;
        this.settleAfter = settleAfter;
    }

    @EventHandler
    void on(Object event, TrackingToken token) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        AtomicLong bound = batch.getOrComputeResource(BATCH_BOUND, key -> {
            AtomicLong highest = new AtomicLong();
            batch.onPrepareCommit(unitOfWork -> sealUpTo(highest.get()));
            return highest;
        });
        token.position().ifPresent(position -> bound.accumulateAndGet(position, Math::max));
    }

    /**
     * Extends the chain and the Merkle tree over the settled events up to {@code bound} and checkpoints both, signed;
     * nothing when none.
     */
    void sealUpTo(long bound) {
        EventSealRepository.Sealed lastSealed = seals.lastSealed().orElse(EventSealRepository.Sealed.NONE);
        Seal last = lastSealed.seal();
        if (bound <= last.position()) {
            return;
        }
        Instant now = Seal.truncate(clock.instant());
        String chain = last.chainHash();
        long sealed = last.eventsSealed();
        long position = last.position();
        MerkleTree.Frontier tree = null;
        for (EventSealRepository.Sealable event : seals.eventsBetween(last.position(), bound)) {
            boolean afterAGap = event.position() > position + 1;
            if (afterAGap && !settled(event.recordedAt(), now)) {
                break;
            }
            if (tree == null) {
                tree = lastSealed.frontier() != null ? lastSealed.frontier() : treeUpTo(last);
            }
            chain = SealChain.next(chain, event.position(), event.hash());
            tree = tree.append(MerkleTree.eventLeaf(event.position(), event.hash()));
            sealed++;
            position = event.position();
        }
        if (position > last.position()) {
            Seal seal = new Seal(position, sealed, chain, now, null, null);
            boolean rooted = tree.size() == sealed;
            if (!rooted) {
                log.error(
                        "The store holds {} events up to the seal at position {}, which sealed {}: the seal at {}"
                                + " carries no Merkle root; GET /api/audit/verify shows where the store changed",
                        tree.size() - (sealed - last.eventsSealed()),
                        last.position(),
                        last.eventsSealed(),
                        position);
            }
            seals.insert(
                    SealSignatures.sign(
                            rooted ? seal.withMerkleRoot(MerkleTree.hex(tree.root())) : seal, keys.signing()),
                    rooted ? tree : null);
        }
    }

    /**
     * The Merkle tree over the events up to {@code last}, for the first seal with a root after seals without one: one
     * pass over the stored hashes in sealing order.
     */
    private MerkleTree.Frontier treeUpTo(Seal last) {
        if (last.position() == 0) {
            return MerkleTree.Frontier.EMPTY;
        }
        MerkleTree.Frontier tree = seals.treeUpTo(last.position());
        log.info(
                "The Merkle tree over the {} events up to the seal at position {} is built; the next seals carry its"
                        + " root",
                tree.size(),
                last.position());
        return tree;
    }

    private boolean settled(String recordedAt, Instant now) {
        return Duration.between(DateTimeUtils.parseInstant(recordedAt), now).compareTo(settleAfter) >= 0;
    }
}
