package org.borderledger.query.deadletter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.codec.RecordRejection;
import org.borderledger.query.infra.PartitionStreams;
import org.borderledger.query.infra.TopicReading;
import org.borderledger.query.web.UnknownId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries and discards parked records. A retry works on a whole sequence (an aggregate), in one transaction that locks
 * its parked records: it decodes each record again from the bytes kept (with the keys and the event catalogue the
 * service has now), in the order of the aggregate sequence each record claims, applies it to the same projections the
 * processor runs (each in a savepoint), deletes it when it applied, and stops at the first that still fails, recording
 * the new reason. The processor parks a record of a sequence only while the sequence has parked records, checking with
 * the same lock, so a retry and the processor never apply one aggregate's records out of order. A record over the size
 * or nesting limits ({@link PartitionStreams#overLimits}) is not decoded on a retry either.
 */
@Service
class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    private static final String PROCESSOR = "projections";

    private final DeadLetterRepository letters;
    private final LedgerRecords records;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final TopicReading reading;

    DeadLetterService(
            DeadLetterRepository letters,
            LedgerRecords records,
            EventProcessingConfiguration processing,
            PlatformTransactionManager transactions,
            Clock clock,
            TopicReading reading) {
        this.letters = letters;
        this.records = records;
        this.processing = processing;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.reading = reading;
    }

    /** The outcome of a retry: records applied (and gone from the queue), and records still parked. */
    record Outcome(int sequences, int applied, int stillParked) {

        Outcome plus(Outcome other) {
            return new Outcome(sequences + other.sequences, applied + other.applied, stillParked + other.stillParked);
        }
    }

    DeadLetter find(long id) {
        return letters.find(id).orElseThrow(() -> new UnknownId("dead letter", String.valueOf(id)));
    }

    /** Retries the sequence of letter {@code id}, from its first parked record. */
    Outcome retry(long id) {
        DeadLetter letter = find(id);
        if (letter.status() == DeadLetter.Status.DISCARDED) {
            throw new LetterDiscarded(letter);
        }
        return retrySequence(letter.sequenceId());
    }

    /** Retries every sequence with parked records. */
    Outcome retryAll() {
        Outcome total = new Outcome(0, 0, 0);
        for (String sequence : letters.parkedSequenceList()) {
            total = total.plus(retrySequence(sequence));
        }
        return total;
    }

    /** Discards letter {@code id} with the admin's reason, then retries what waited behind it. */
    Outcome discard(long id, String reason, String by) {
        DeadLetter letter = find(id);
        if (!letters.discard(id, by, reason, clock.instant())) {
            throw new LetterDiscarded(letter);
        }
        log.warn("{} discarded dead letter {} ({}) of {}: {}", by, id, letter.record(), letter.sequenceId(), reason);
        return retrySequence(letter.sequenceId());
    }

    private Outcome retrySequence(String sequence) {
        Outcome outcome = transaction.execute(status -> {
            List<DeadLetter> parked = letters.lockedParked(sequence);
            int applied = 0;
            for (DeadLetter letter : parked) {
                Optional<RecordRejection> over =
                        PartitionStreams.overLimits(letter.record().toConsumerRecord(), reading);
                if (over.isPresent()) {
                    letters.stillFailing(
                            letter.id(), over.get().kind(), over.get().reason(), clock.instant());
                    break;
                }
                LedgerRecords.Decoded decoded = records.decode(letter.record());
                if (!decoded.accepted()) {
                    letters.stillFailing(
                            letter.id(),
                            decoded.rejection().kind(),
                            decoded.rejection().reason(),
                            clock.instant());
                    break;
                }
                String failure = apply(decoded.event());
                if (failure != null) {
                    letters.stillFailing(letter.id(), RecordRejection.Kind.NOT_APPLIED, failure, clock.instant());
                    break;
                }
                letters.applied(letter.id());
                applied++;
            }
            return new Outcome(parked.isEmpty() ? 0 : 1, applied, parked.size() - applied);
        });
        if (outcome.applied() > 0) {
            log.info(
                    "Retried {}: {} records applied, {} still parked",
                    sequence,
                    outcome.applied(),
                    outcome.stillParked());
        }
        return outcome;
    }

    /** Applies {@code event} to the projections in a savepoint; the failure, or null when it applied. */
    private String apply(EventMessage<?> event) {
        try {
            return savepoint.execute(status -> {
                ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                    invoker().handle(event, Segment.ROOT_SEGMENT);
                    return null;
                });
                if (result.isExceptional()) {
                    status.setRollbackOnly();
                    return DeadLetterGate.describe(result.exceptionResult());
                }
                return null;
            });
        } catch (RuntimeException e) {
            return DeadLetterGate.describe(e);
        }
    }

    private EventHandlerInvoker invoker() {
        return processing
                .eventProcessor(PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking event processor '" + PROCESSOR + "'"))
                .eventHandlerInvoker();
    }
}
