package org.borderledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.store.AppendedPositions;
import org.borderledger.command.store.GroupCommit;
import org.borderledger.command.store.StorePositions;
import org.borderledger.events.EventMetadata;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Sends one write to its aggregate inside one database transaction that also holds the idempotency key's answer, and
 * answers with the global position of the event it appended, as the append returned it. A retry with the same key and the same request gets the
 * first answer and records nothing; the same key with another request is refused. Two concurrent requests with one key
 * meet at the key's primary key: the second waits for the first to commit, then replays its answer. A creating write
 * is refused when its id is already taken by an aggregate of any type. With group commit ({@link GroupCommit}) that
 * transaction is a savepoint in a transaction shared with concurrent writes, answered once the shared one committed.
 */
@Service
public class Submissions {

    private final CommandGateway commands;
    private final GroupCommit writes;
    private final IdempotencyKeys keys;
    private final AggregateIds ids;
    private final WriteRateLimit rateLimit;
    private final StorePositions positions;
    private final ObjectMapper json;
    private final Clock clock;

    Submissions(
            CommandGateway commands,
            GroupCommit writes,
            IdempotencyKeys keys,
            AggregateIds ids,
            WriteRateLimit rateLimit,
            StorePositions positions,
            ObjectMapper json,
            Clock clock) {
        this.commands = commands;
        this.writes = writes;
        this.keys = keys;
        this.ids = ids;
        this.rateLimit = rateLimit;
        this.positions = positions;
        this.json = json;
        this.clock = clock;
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
        String requestHash = requestHash(operation, target, body);
        if (key != null) {
            Optional<Accepted> earlier = keys.find(subject, key).map(answered -> replay(answered, requestHash, key));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return writes.execute(() -> {
                if (key != null) {
                    keys.claim(subject, key, requestHash, clock.instant());
                }
                Dispatch dispatch = operation.factory().dispatch(target, body, context.submitter());
                if (!operation.targeted()) {
                    ids.requireUnused(dispatch.aggregateId());
                }
                AppendedPositions.Appended<Object> appended = AppendedPositions.during(
                        () -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(dispatch.command())
                                .andMetaData(metaData(context))));
                long position = appended.last()
                        .orElseGet(
                                () -> positions.lastOf(dispatch.aggregateId()).orElseThrow());
                Accepted accepted = new Accepted(dispatch.aggregateId(), position);
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

    private static Accepted replay(IdempotencyKeys.Answered answered, String requestHash, String key) {
        if (!answered.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReused(key);
        }
        return new Accepted(answered.aggregateId(), answered.position());
    }

    private static Map<String, Object> metaData(SubmissionContext context) {
        MetaData metaData = MetaData.with(
                        EventMetadata.SUBMITTER, context.submitter().subject())
                .and(EventMetadata.UNIT, context.submitter().unit())
                .and(EventMetadata.SIDE, context.submitter().side().name())
                .and(EventMetadata.PROVINCE, context.submitter().province())
                .and(EventMetadata.CORRELATION_ID, context.correlationId());
        if (context.requestId() != null) {
            metaData = metaData.and(EventMetadata.REQUEST_ID, context.requestId());
        }
        if (context.idempotencyKey() != null) {
            metaData = metaData.and(EventMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
        }
        return metaData;
    }

    private String requestHash(Write<?> operation, String target, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((operation.type() + "\n" + target + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }
}
