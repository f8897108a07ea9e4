package org.borderledger.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
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
     * Rewinds every segment's token to the first record of its partitions ({@link ProjectionSegments#rewind}, which
     * takes the segments other instances hold) and runs the projections' {@code @ResetHandler}s, which empty the read
     * models, in one transaction with {@code alsoInTheTransaction}: the read models are emptied if and only if the
     * tokens were rewound. This is what the processor's own reset does, with a start token per segment. The processor
     * must be shut down.
     */
    void rewind(Runnable alsoInTheTransaction) {
        TrackingEventProcessor processor = processor();
        if (processor.isRunning()) {
            throw new IllegalStateException("The projections processor must be shut down before it is rewound");
        }
        transaction.executeWithoutResult(status -> {
            segments.rewind();
            processor.eventHandlerInvoker().performReset();
            alsoInTheTransaction.run();
        });
    }

    private TrackingEventProcessor processor() {
        return processing
                .eventProcessor(ProcessedOffsetRepository.PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(
                        "No tracking event processor '" + ProcessedOffsetRepository.PROCESSOR + "' is configured"));
    }
}
