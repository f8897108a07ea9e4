package org.borderledger.command.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.borderledger.command.audit.AuditedEvent;
import org.borderledger.command.audit.EventLogRepository;
import org.borderledger.evidence.EvidenceJson;
import org.borderledger.evidence.Seal;
import org.borderledger.evidence.StoredEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The proofs of {@code contract/evidence.md} section 9, from the store: an event's inclusion proof against a seal, and
 * the consistency proof between two seals, each over the Merkle tree of the events the (later) seal covers.
 *
 * <p><b>Cost.</b> A proof reads the stored hash of every event up to its seal in one pass (on the audit streams'
 * connections, in one snapshot) and holds one 32-byte leaf per event: about 50 bytes of heap and a few microseconds per
 * event, so a seal over a million events takes some 50 MB and a second or two. Two bounds keep that in check: at most
 * {@code ledger.audit.proof.max-events} leaves per proof (2,000,000; beyond, {@code 422 proof-too-large}), and one
 * proof built at a time (another waits up to {@code ledger.audit.proof.wait} (10 s), then {@code 503} with
 * {@code Retry-After}).
 */
@Service
class EvidenceProofs {

    private final EventLogRepository log;
    private final EventSealRepository seals;
    private final ObjectMapper json;
    private final int maxEvents;
    private final Duration wait;
    private final Semaphore building = new Semaphore(1);

    EvidenceProofs(
            EventLogRepository log,
            EventSealRepository seals,
            ObjectMapper json,
            @Value("${ledger.audit.proof.max-events:2000000}") int maxEvents,
            @Value("${ledger.audit.proof.wait:10s}") Duration wait) {
        this.log = log;
        this.seals = seals;
        this.json = json;
        this.maxEvents = maxEvents;
        this.wait = wait;
    }

    /**
     * The event at {@code position}, its leaf index and audit path in the tree of the seal at {@code sealPosition}
     * (null: the latest seal with a Merkle root), and that seal.
     */
    ObjectNode inclusion(long position, Long sealPosition) {
        StoredEvent event = log.at(position).orElseThrow(() -> ProofRefused.noEvent(position));
        Seal seal;
        if (sealPosition == null) {
            seal = seals.lastWithRoot().orElseThrow(ProofRefused::noRootedSeal);
            if (seal.position() < position) {
                throw ProofRefused.notYetSealed(position, seal.position());
            }
        } else {
            seal = seals.at(sealPosition).orElseThrow(() -> ProofRefused.noSeal("seal", sealPosition));
            if (seal.merkleRoot() == null) {
                throw ProofRefused.withoutRoot("seal", seal.position());
            }
            if (seal.position() < position) {
                throw ProofRefused.sealBefore("seal", seal.position(), "event at position", position);
            }
        }
        EventLogRepository.Leaves leaves = leaves("seal", seal, position);
        JsonNode line = json.valueToTree(AuditedEvent.of(event));
        return proof("seal", seal, () -> EvidenceJson.inclusionProof(line, leaves.hashes(), leaves.indexOf(), seal));
    }

    /** The consistency proof from the seal at {@code from} to the seal at {@code to}. */
    ObjectNode consistency(long to, long from) {
        Seal second = seals.at(to).orElseThrow(() -> ProofRefused.noSeal("position", to));
        Seal first = seals.at(from).orElseThrow(() -> ProofRefused.noSeal("from", from));
        if (second.position() < first.position()) {
            throw ProofRefused.sealBefore("position", second.position(), "seal at", first.position());
        }
        if (first.merkleRoot() == null) {
            throw ProofRefused.withoutRoot("from", first.position());
        }
        if (second.merkleRoot() == null) {
            throw ProofRefused.withoutRoot("position", second.position());
        }
        EventLogRepository.Leaves leaves = leaves("position", second, first.position());
        return proof("position", second, () -> EvidenceJson.consistencyProof(leaves.hashes(), first, second));
    }

    private EventLogRepository.Leaves leaves(String field, Seal seal, long position) {
        boolean taken;
        try {
            taken = building.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new ProofsBusy(wait);
        }
        try {
            EventLogRepository.Leaves leaves = log.leaves(seal.position(), position, maxEvents);
            if (leaves.hashes().size() != seal.eventsSealed() || leaves.indexOf() < 0) {
                throw ProofRefused.storeDiffers(field, seal.position());
            }
            return leaves;
        } catch (EventLogRepository.TooManyLeaves tooMany) {
            throw ProofRefused.tooLarge(field, seal.position(), tooMany.maxLeaves());
        } finally {
            building.release();
        }
    }

    /** The proof, or {@link ProofRefused#storeDiffers} when the stored events do not give the seal's root. */
    private static ObjectNode proof(String field, Seal seal, Supplier<ObjectNode> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException notTheSealsTree) {
            throw ProofRefused.storeDiffers(field, seal.position());
        }
    }
}
