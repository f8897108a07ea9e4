package org.borderledger.query.deadletter;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.codec.RecordRejection;
import org.borderledger.codec.RejectedRecord;
import org.borderledger.codec.TopicRecord;
import org.borderledger.query.infra.ProjectionHalts;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stands before the projections, per record, inside the processor's batch transaction, and parks what must not be
 * applied so that one record can never stop the others:
 *
 * <ul>
 *   <li>a record the codec rejected (unsigned, forged, unknown type, malformed, implausible) is parked with the reason;
 *   <li>a record of a sequence (an aggregate) that has a parked record is parked behind it, so the aggregate's records
 *       are never applied out of order; every other aggregate keeps flowing;
 *   <li>a record on which a projection fails: the failure rolls the batch back (a failed statement leaves a PostgreSQL
 *       transaction unusable) and the processor retries the batch; on that retry the record runs in a savepoint of its
 *       own, and if it fails again it is rolled back to the savepoint and parked. Only records that failed once pay
 *       for a savepoint, so batches stay batches. The retried batch runs the projections' statements one by one
 *       ({@link ReadModelWrites#oneByOneUntilCommit()}), so a statement fails inside its record's savepoint.
 * </ul>
 *
 * A record an admin discarded is passed over when it is read again (after a replay). Nothing here retries a record by
 * itself: a parked record waits for the admin API.
 *
 * <p>A JVM {@link Error} ({@code OutOfMemoryError}, {@code StackOverflowError}, …), thrown by a projection or found
 * among the causes of what it threw, is never the record's fault: nothing is parked, the projections stop and the
 * instance reports itself broken ({@link ProjectionHalts}); the error is thrown on, so the batch is rolled back and the
 * processor stops. While the projections are stopped, every record is refused unapplied.
 */
final class DeadLetterGate implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterGate.class);
    private static final String BLOCKED = DeadLetterGate.class.getName() + ".blocked";
    private static final int REMEMBERED_FAILURES = 10_000;

    private final DeadLetterRepository letters;
    private final ReadModelWrites writes;
    private final ProjectionHalts halts;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final Map<String, String> failedOnce = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_FAILURES;
        }
    };

    DeadLetterGate(
            DeadLetterRepository letters,
            ReadModelWrites writes,
            ProjectionHalts halts,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.letters = letters;
        this.writes = writes;
        this.halts = halts;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        halts.refuseIfHalted();
        EventMessage<?> message = unitOfWork.getMessage();
        Optional<TopicRecord> read = LedgerRecords.recordOf(message);
        if (read.isEmpty()) {
            return chain.proceed();
        }
        TopicRecord record = read.get();
        Object result = gate(unitOfWork, chain, message, record);
        halts.settled(record.topic(), record.partition(), record.offset());
        return result;
    }

    private Object gate(
            UnitOfWork<? extends EventMessage<?>> unitOfWork,
            InterceptorChain chain,
            EventMessage<?> message,
            TopicRecord record)
            throws Exception {
        String sequence = message instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier()
                : LedgerRecords.sequenceOf(record);
        Set<String> blocked = blocked(unitOfWork);
        if (message.getPayload() instanceof RejectedRecord rejected) {
            park(record, sequence, blocked, rejected.kind(), rejected.reason());
            return null;
        }
        if (blocked.contains(sequence) && letters.lockParkedBefore(sequence, record)) {
            park(
                    record,
                    sequence,
                    blocked,
                    RecordRejection.Kind.WAITING,
                    "Not tried: an earlier record of " + sequence + " is parked");
            return null;
        }
        String place = place(record);
        String earlierFailure;
        synchronized (failedOnce) {
            earlierFailure = failedOnce.isEmpty() ? null : failedOnce.remove(place);
        }
        if (earlierFailure != null) {
            return inSavepoint(record, sequence, blocked, chain);
        }
        try {
            return chain.proceed();
        } catch (Exception | Error e) {
            stopIfJvmError(record, e);
            synchronized (failedOnce) {
                failedOnce.put(place, describe(e));
            }
            writes.oneByOneUntilCommit();
            log.warn(
                    "A projection failed on {} ({}): {}; the batch is retried and the record parked if it fails again",
                    record,
                    message.getPayloadType().getSimpleName(),
                    describe(e));
            throw e;
        }
    }

    /** Stops the projections, parking nothing, when {@code failure} is or was caused by a JVM error. */
    private void stopIfJvmError(TopicRecord record, Throwable failure) {
        Optional<Error> error = ProjectionHalts.jvmError(failure);
        if (error.isPresent()) {
            halts.halt(record.partition(), record.offset(), failure);
            throw error.get();
        }
    }

    private Object inSavepoint(TopicRecord record, String sequence, Set<String> blocked, InterceptorChain chain) {
        try {
            return savepoint.execute(status -> {
                try {
                    return chain.proceed();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new ProjectionFailed(e);
                }
            });
        } catch (RuntimeException | Error e) {
            Throwable cause = e instanceof ProjectionFailed ? e.getCause() : e;
            stopIfJvmError(record, cause);
            park(record, sequence, blocked, RecordRejection.Kind.NOT_APPLIED, describe(cause));
            return null;
        }
    }

    private void park(
            TopicRecord record, String sequence, Set<String> blocked, RecordRejection.Kind kind, String reason) {
        if (letters.discarded(record)) {
            log.info("{} was discarded by an admin before; passed over", record);
            return;
        }
        if (letters.park(record, kind, reason, clock.instant())) {
            log.warn("Parked {} of {}: {} ({})", record, sequence, kind, reason);
        }
        blocked.add(sequence);
    }

    /** The sequences with parked records, read once per batch, plus those parked during the batch. */
    @SuppressWarnings("unchecked")
    private Set<String> blocked(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        return (Set<String>) unitOfWork.root().getOrComputeResource(BLOCKED, key -> letters.parkedSequences());
    }

    private static String place(TopicRecord record) {
        return record.topic() + "/" + DeadLetterRepository.place(record.partition(), record.offset());
    }

    static String describe(Throwable e) {
        StringBuilder reason = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            reason.append("; caused by ").append(cause);
        }
        return reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason.toString();
    }

    /** A checked exception of a projection, carried through the savepoint's callback. */
    private static final class ProjectionFailed extends RuntimeException {
        ProjectionFailed(Exception cause) {
            super(cause);
        }
    }
}
