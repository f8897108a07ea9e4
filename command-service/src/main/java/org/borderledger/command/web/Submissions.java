package org.borderledger.command.web;

import java.util.Optional;
import org.borderledger.command.store.GroupCommit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Sends one write to its aggregate ({@link CommandDispatch}) inside one database transaction that also holds the
 * idempotency key's answer, and answers with the global position of the event it appended. A retry with the same key
 * and the same request gets the first answer and records nothing; the same key with another request is refused. Two
 * concurrent requests with one key meet at the key's primary key: the second waits for the first to commit, then
 * replays its answer. With group commit ({@link GroupCommit}) that transaction is a savepoint in a transaction shared
 * with concurrent writes, answered once the shared one committed.
 */
@Service
public class Submissions {

    private final GroupCommit writes;
    private final IdempotencyKeyRepository keys;
    private final WriteRateLimit rateLimit;
    private final CommandDispatch dispatch;

    Submissions(GroupCommit writes, IdempotencyKeyRepository keys, WriteRateLimit rateLimit, CommandDispatch dispatch) {
        this.writes = writes;
        this.keys = keys;
        this.rateLimit = rateLimit;
        this.dispatch = dispatch;
    }

    /** Submits one write of its own path, counted against the submitter's write rate. */
    public <R> Accepted submitOne(Write<R> operation, String target, R body, SubmissionContext context) {
        rateLimit.charge(context.submitter().subject(), 1);
        return submit(operation, target, body, context);
    }

    /** Submits one write, on its own or as an item of a batch (which is charged against the write rate as a whole). */
    public <R> Accepted submit(Write<R> operation, String target, R body, SubmissionContext context) {
        String key = context.idempotencyKey();
        String subject = context.submitter().subject();
        String requestHash = keys.requestHash(operation.type(), target, body);
        if (key != null) {
            Optional<Accepted> earlier = keys.find(subject, key).map(answered -> replay(answered, requestHash, key));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return writes.execute(() -> {
                if (key != null) {
                    keys.claim(subject, key, requestHash);
                }
                Accepted accepted = dispatch.send(operation, target, body, context);
                if (key != null) {
                    keys.answer(subject, key, accepted);
                }
                return accepted;
            });
        } catch (DuplicateKeyException concurrentRetry) {
            return keys.find(subject, key)
                    .map(answered -> replay(answered, requestHash, key))
                    .orElseThrow(() -> concurrentRetry);
        }
    }

    private static Accepted replay(IdempotencyKeyRepository.Answered answered, String requestHash, String key) {
        if (!answered.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReused(key);
        }
        return new Accepted(answered.aggregateId(), answered.position());
    }
}
