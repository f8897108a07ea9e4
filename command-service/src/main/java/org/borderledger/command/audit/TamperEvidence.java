package org.borderledger.command.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.borderledger.evidence.EvidenceWalk;
import org.borderledger.evidence.Seal;
import org.springframework.stereotype.Service;

/**
 * Tamper evidence over the whole event store, checked by {@code GET /api/audit/verify}.
 *
 * <p><b>Per aggregate, at append time.</b> {@link HashChainingEventStorageEngine} decorates Axon's JDBC storage
 * engine. Before an event is inserted it gets two metadata entries: {@code previoushash}, the hash of the aggregate's
 * previous event (empty at sequence 0), and {@code hash}, the hex SHA-256 of a length-prefixed canonical form of
 * aggregate type, aggregate id, sequence number, event id, payload type and revision, recorded time (the stored
 * ISO-8601 text), the payload's JSON bytes exactly as stored (serialized once, by the engine's own serializer, and
 * handed to the engine), the rest of the metadata as canonical JSON (sorted keys, no whitespace) and
 * {@code previoushash}. The previous hash comes from the same call or unit of work, else from one indexed read of the
 * previous event. No lock is taken: writers of different aggregates never wait for each other; two writers of one
 * aggregate still meet at the unique (aggregate id, sequence number) key. Changing a payload or metadata breaks that
 * event's hash; removing an event from inside an aggregate's history leaves a gap in its sequence numbers and a broken
 * link.
 *
 * <p><b>Global, sealed after the fact.</b> The chains of single aggregates cannot see an aggregate's last event
 * vanish, nor two events swap positions in the global order. The {@code audit-seal} tracking processor
 * ({@link AuditSeal}) keeps a running chain {@code c(n) = SHA-256(c(n-1), position, hash)} over every event in
 * global-index order and, in the transaction that stores its token, writes one checkpoint per batch (100 events) to
 * {@code event_seal(position, events_sealed, chain_hash, sealed_at)}. Writers never wait for it; it reads what is
 * committed. Because a transaction may commit after a later position is already visible, the seal stops before a
 * missing position until the event after it is older than {@code ledger.audit.seal.settle-after} (60 s, like Axon's
 * gap timeout); from then on the position counts as a rolled-back write.
 *
 * <p><b>Verification</b> streams the table in global order inside one repeatable-read snapshot, keeping only the last
 * sequence number and hash of each aggregate. For each event it recomputes the hash ("payload or metadata altered"),
 * checks that the aggregate's sequence continues ("event missing before sequence N") and that the link holds
 * ("previous-hash link broken"), extends the global chain and compares it with each checkpoint it passes ("global seal
 * mismatch at position P: events deleted or reordered before it"). After the last event, a seal or a published
 * position (the {@code kafka-publisher} token) beyond it names an event that is gone: "store ends at position N but
 * position P was sealed" (or "published"). It reports the first break in global order.
 *
 * <p><b>Limits.</b> Events after the last checkpoint are covered by their aggregates' chains only, until the next
 * batch is sealed. The hashes have no key: whoever can rewrite the whole table and every seal can also recompute
 * them, so the latest checkpoint's chain hash (part of every verification answer) has to be kept outside the database
 * (in a signed report, a published bulletin) for such a rewrite to show. Events recorded before hashing existed
 * carry no hash and verify as altered.
 *
 * <p><b>Incremental and full.</b> {@code GET /api/audit/verify} starts after the last seal a verification found
 * intact ({@code verified_seal}): it checks that this seal is unchanged and the store still reaches it, walks only the
 * events and seals after it (each aggregate's first event there links to its stored predecessor), compares the tail
 * with the last seal and the published position, and moves the checkpoint to the last seal it passed. Its cost grows
 * with what was recorded since the previous call, not with the store. A full verification from the first event is a
 * job ({@link Verifications}); a break it found stays in every answer until a later full verification passes.
 */
@Service
class TamperEvidence {

    static final String ALTERED = EvidenceWalk.ALTERED;
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

    @Schema(description = "A checkpoint of the global chain and its Ed25519 signature (null before signing)")
    record SealView(
            long position,
            long eventsSealed,
            String chainHash,
            @Schema(example = "2024-03-25T08:00:00.250Z") String sealedAt,
            String keyId,
            String signature) {

        static SealView of(Seal seal) {
            return seal == null
                    ? null
                    : new SealView(
                            seal.position(),
                            seal.eventsSealed(),
                            seal.chainHash(),
                            seal.sealedAtText(),
                            seal.keyId(),
                            seal.signature());
        }
    }

    record FullVerification(String id, Instant finishedAt, boolean valid, EvidenceWalk.Broken firstBroken) {}

    /** Told the events checked so far, every {@value #PROGRESS_EVERY} events; may throw to stop the walk. */
    @FunctionalInterface
    interface Progress {
        void checked(long events);
    }

    private final EventLog log;
    private final EventSeals seals;
    private final VerifiedSeals verified;
    private final VerificationJobs jobs;
    private final SealKeys keys;
    private final Clock clock;

    TamperEvidence(
            EventLog log, EventSeals seals, VerifiedSeals verified, VerificationJobs jobs, SealKeys keys, Clock clock) {
        this.log = log;
        this.keys = keys;
        this.seals = seals;
        this.verified = verified;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Checks what was recorded after the last verified seal, and moves the checkpoint when it is intact. */
    Verification verify() {
        Optional<VerifiedSeals.Checkpoint> checkpoint = verified.last();
        EvidenceWalk.Start start =
                checkpoint.map(VerifiedSeals.Checkpoint::start).orElse(EvidenceWalk.Start.GENESIS);
        EvidenceWalk.Broken rewritten = checkpoint.flatMap(this::rewritten).orElse(null);
        EvidenceWalk.Result result = log.readAfter(start, (events, stored, published, end) -> {
            EvidenceWalk walk = new EvidenceWalk(start, keys.trusted());
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
                : checkpoint.map(VerifiedSeals.Checkpoint::seal).orElse(null);
        FullVerification full = jobs.latestFinished().orElse(null);
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
    EvidenceWalk.Result verifyAll(Progress progress) {
        EvidenceWalk.Result result = log.readAll((events, stored, published, end) -> {
            EvidenceWalk walk = new EvidenceWalk(EvidenceWalk.Start.GENESIS, keys.trusted());
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
    private Optional<EvidenceWalk.Broken> rewritten(VerifiedSeals.Checkpoint checkpoint) {
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
    static void drive(EvidenceWalk walk, Stream<EventLog.Linked> events, Iterator<Seal> seals, Progress progress) {
        Iterator<EventLog.Linked> each = events.iterator();
        Seal next = seals.hasNext() ? seals.next() : null;
        long count = 0;
        while (each.hasNext()) {
            EventLog.Linked linked = each.next();
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
