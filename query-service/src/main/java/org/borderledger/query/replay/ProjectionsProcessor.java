package org.borderledger.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.borderledger.query.rebuild.ProcessedOffsets;
import org.borderledger.query.segments.ProjectionSegments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code projections} tracking processor, as a replay drives it: stop, rewind to the start, start again. */
@Component
class ProjectionsProcessor {

    private final EventProcessingConfiguration processing;
    private final ProjectionSegments segments;
    private final TransactionTemplate transaction;

    ProjectionsProcessor(
            EventProcessingConfiguration processing,
            ProjectionSegments segments,
            PlatformTransactionManager transactions) {
        this.processing = processing;
        this.segments = segments;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Stops processing, waiting for the batch in progress to commit. */
    void shutDown() {
        processor().shutDown();
    }

    void start() {
        processor().start();
    }

    /**
     * Rewinds every segment's token to the start of its partitions (an empty Kafka token: each segment's stream starts
     * at its partitions' first records), taking the segments other instances hold ({@link ProjectionSegments#takeOver}),
     * and runs the projections' {@code @ResetHandler}s, which
     * empty the read models, in one transaction with {@code alsoInTheTransaction}: the read models are emptied if and
     * only if the token was rewound. The processor must be shut down.
     */
    void rewind(Runnable alsoInTheTransaction) {
        TrackingEventProcessor processor = processor();
        transaction.executeWithoutResult(status -> {
            segments.takeOver();
            processor.resetTokens(KafkaTrackingToken.emptyToken());
            alsoInTheTransaction.run();
        });
    }

    private TrackingEventProcessor processor() {
        return processing
                .eventProcessor(ProcessedOffsets.PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(
                        "No tracking event processor '" + ProcessedOffsets.PROCESSOR + "' is configured"));
    }
}
