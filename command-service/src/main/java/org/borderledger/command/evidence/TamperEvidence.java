package org.borderledger.command.evidence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.borderledger.command.audit.EventLogRepository;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.MerkleTree;
import org.borderledger.evidence.PinnedKeys;
import org.borderledger.evidence.Seal;
import org.springframework.stereotype.Service;

/**
 * Tamper evidence over the whole event store, checked by {@code GET /api/audit/verify}; what is hashed and signed, and
 * the walk that checks it, are in {@code ledger-evidence} ({@link org.borderledger.evidence.EventHash},
 * {@link org.borderledger.evidence.SealSignatures}, {@link org.borderledger.evidence.EvidenceWalk}), shared with the
 * offline verifier.
 *
 * <p><b>Per aggregate, at append time.</b> {@link HashChainingEventStorageEngine} decorates Axon's JDBC storage
 * engine: before an event is inserted it gets {@code previoushash} (the hash of the aggregate's previous event, empty
 * at sequence 0), {@code hashversion} and {@code hash}, computed over the payload bytes the engine then stores. The
 * previous hash comes from the same call or unit of work, else from one indexed read of the previous event. No lock is
 * taken: writers of different aggregates never wait for each other; two writers of one aggregate still meet at the
 * unique (aggregate id, sequence number) key.
 *
 * <p><b>Global, sealed after the fact.</b> The chains of single aggregates cannot see an aggregate's last event
 * vanish, nor two events swap positions in the global order. The {@code audit-seal} tracking processor
 * ({@link AuditSeal}) keeps a running chain over every event in global-index order and, in the transaction that
 * stores its token, writes one checkpoint per batch (100 events) to {@code event_seal}, signed with the service's
 * Ed25519 key ({@link SealKeys}). Writers never wait for it. Because a transaction may commit after a later position
 * is already visible, the seal stops before a missing position until the event after it is older than
 * {@code ledger.audit.seal.settle-after} (60 s, like Axon's gap timeout); from then on the position counts as a
 * rolled-back write.
 *
 * <p>Each seal also carries the root of the Merkle tree over the same events (RFC 9162, in sealing order), signed with
 * the rest: it lets {@link EvidenceProofs} prove one event, or that one seal extends another, without the export. Both
 * checks recompute the root at every seal that has one (the incremental one from the tree's right edge stored with
 * the seal it starts after).
 *
 * <p><b>Incremental and full.</b> {@code GET /api/audit/verify} starts after the last seal a verification found
 * intact ({@code verified_seal}): it checks that this seal is unchanged and the store still reaches it, walks only the
 * events and seals after it in one repeatable-read snapshot (each aggregate's first event there links to its stored
 * predecessor), compares the tail with the last seal and the published position (the {@code kafka-publisher}
 * token), and moves the checkpoint to the last seal it passed. Its cost grows with what was recorded since the
 * previous call, not with the store. A full verification from the first event is a job ({@link Verifications}); a
 * break it found stays in every answer until a later full verification passes.
 *
 * <p><b>Limits.</b> Events after the last seal are covered by their aggregates' chains only, until the next batch is
 * sealed. Whoever can write the tables can recompute every hash but cannot sign a seal without the key, which never
 * enters the database. Events recorded before hashing existed carry no hash and verify as altered.
 */
@Service
public class TamperEvidence {

    public static final String ALTERED = EvidenceWalk.ALTERED;
    static final String LINK_BROKEN = EvidenceWalk.LINK_BROKEN;

    /** How often a walk reports its progress, in events. */
    static final int PROGRESS_EVERY = 1000;

    @Schema(description = "The result of checking the stored events and seals")
    record Verification(
            boolean valid,
            @Schema(
                            description = "incremental: the events after checkedAfter; full: every event",
                            example = "incremental")
                    String scope,
            @Schema(description = "The verified seal the check started after (0: the first event)") long checkedAfter,
            long eventsChecked,
            long sealsChecked,
            @Schema(description = "The first break in global order, or null") EvidenceWalk.Broken firstBroken,
            @Schema(description = "The latest seal: keep its chainHash outside the ledger to anchor the history")
                    SealView lastSeal,
            @Schema(description = "The latest finished full verification, or null; its break counts here too")
                    FullVerification latestFullVerification) {}

    @Schema(
            description =
                    "A checkpoint of the global chain and of the Merkle tree over the same events, and its Ed25519"
                            + " signature (null before signing)")
    public record SealView(
            long position,
            long eventsSealed,
            String chainHash,
            @Schema(
                            description = "The RFC 9162 root over the events sealed, in sealing order; null on seals"
                                    + " made before seals carried one",
                            nullable = true)
                    String merkleRoot,
            @Schema(example = "2024-03-25T08:00:00.250Z") String sealedAt,
            String keyId,
            String signature) {

        public static SealView of(Seal seal) {
            return seal == null
                    ? null
                    : new SealView(
                            seal.position(),
                            seal.eventsSealed(),
                            seal.chainHash(),
                            seal.merkleRoot(),
                            seal.sealedAtText(),
                            seal.keyId(),
                            seal.signature());
        }
    }

    public record FullVerification(String id, Instant finishedAt, boolean valid, EvidenceWalk.Broken firstBroken) {}

    /** The latest finished full verification, as the verification jobs keep it. */
    @FunctionalInterface
    public interface LatestFullVerification {
        Optional<FullVerification> latest();
    }

    /** Told the events checked so far, every {@value #PROGRESS_EVERY} events; may throw to stop the walk. */
    @FunctionalInterface
    public interface Progress {
        void checked(long events);
    }

    private final EventLogRepository log;
    private final EventSealRepository seals;
    private final VerifiedSealRepository verified;
    private final LatestFullVerification fullVerifications;
    private final SealKeys keys;
    private final Clock clock;

    TamperEvidence(
            EventLogRepository log,
            EventSealRepository seals,
            VerifiedSealRepository verified,
            LatestFullVerification fullVerifications,
            SealKeys keys,
            Clock clock) {
        this.log = log;
        this.keys = keys;
        this.seals = seals;
        this.verified = verified;
        this.fullVerifications = fullVerifications;
        this.clock = clock;
    }

    /** Checks what was recorded after the last verified seal, and moves the checkpoint when it is intact. */
    Verification verify() {
        Optional<VerifiedSealRepository.Checkpoint> checkpoint = verified.last();
        EvidenceWalk.Start start =
                checkpoint.map(VerifiedSealRepository.Checkpoint::start).orElse(EvidenceWalk.Start.GENESIS);
        EvidenceWalk.Broken rewritten = checkpoint.flatMap(this::rewritten).orElse(null);
        EvidenceWalk.Result result = log.readAfter(start, (events, stored, published, end) -> {
            EvidenceWalk walk = new EvidenceWalk(
                    start,
                    PinnedKeys.unbounded(keys.trusted()),
                    start.position() == 0
                            ? MerkleTree.Frontier.EMPTY
                            : seals.frontierAt(start.position()).orElse(null));
            if (rewritten != null) {
                walk.broken(rewritten.position(), rewritten.aggregateId(), rewritten.reason());
            }
            walk.storeEnds(end);
            drive(walk, events, stored.iterator(), checked -> {});
            return walk.finish(published, false);
        });
        if (result.valid()) {
            advance(result);
        }
        Seal lastSeal = result.lastSeal() != null
                ? result.lastSeal()
                : checkpoint.map(VerifiedSealRepository.Checkpoint::seal).orElse(null);
        FullVerification full = fullVerifications.latest().orElse(null);
        boolean fullValid = full == null || full.valid();
        return new Verification(
                result.valid() && fullValid,
                "incremental",
                start.position(),
                result.eventsChecked(),
                result.sealsChecked(),
                result.firstBroken() != null ? result.firstBroken() : fullValid ? null : full.firstBroken(),
                SealView.of(lastSeal),
                full);
    }

    /** Checks every stored event and seal from the first; moves the checkpoint when all is intact. */
    public EvidenceWalk.Result verifyAll(Progress progress) {
        EvidenceWalk.Result result = log.readAll((events, stored, published, end) -> {
            EvidenceWalk walk = new EvidenceWalk(
                    EvidenceWalk.Start.GENESIS, PinnedKeys.unbounded(keys.trusted()), MerkleTree.Frontier.EMPTY);
            drive(walk, events, stored.iterator(), progress);
            return walk.finish(published, false);
        });
        if (result.valid()) {
            advance(result);
        }
        return result;
    }

    private void advance(EvidenceWalk.Result result) {
        if (result.lastSeal() != null
                && result.lastSeal().position() > result.start().position()) {
            verified.advance(result.lastSeal(), clock.instant());
        }
    }

    /** A break when the verified seal is no longer in {@code event_seal} as it was verified. */
    private Optional<EvidenceWalk.Broken> rewritten(VerifiedSealRepository.Checkpoint checkpoint) {
        Seal was = checkpoint.seal();
        Optional<Seal> now = seals.at(was.position());
        if (now.isPresent() && now.get().equals(was)) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceWalk.Broken(
                was.position(),
                null,
                "the seal at position " + was.position() + " verified at " + checkpoint.verifiedAt()
                        + (now.isPresent() ? " was rewritten" : " was deleted")));
    }

    /** Feeds the walk the events in global order and each seal once the events up to its position are in. */
    static void drive(
            EvidenceWalk walk, Stream<EventLogRepository.Linked> events, Iterator<Seal> seals, Progress progress) {
        Iterator<EventLogRepository.Linked> each = events.iterator();
        Seal next = seals.hasNext() ? seals.next() : null;
        long count = 0;
        while (each.hasNext()) {
            EventLogRepository.Linked linked = each.next();
            long position = linked.event().position();
            while (next != null && next.position() < position) {
                walk.seal(next);
                next = seals.hasNext() ? seals.next() : null;
            }
            walk.event(linked.event(), linked.previousHash());
            if (next != null && next.position() == position) {
                walk.seal(next);
                next = seals.hasNext() ? seals.next() : null;
            }
            if (++count % PROGRESS_EVERY == 0) {
                progress.checked(count);
            }
        }
        while (next != null) {
            walk.seal(next);
            next = seals.hasNext() ? seals.next() : null;
        }
        progress.checked(count);
    }
}
