package org.borderledger.events;

import java.util.List;

/**
 * Metadata keys every stored event carries. They are lower-case letters only, so that they travel
 * unchanged as CloudEvents extension attributes. The time an event was recorded is the event's own timestamp.
 */
public final class EventMetadata {

    /** The {@code sub} of the token that submitted the fact. */
    public static final String SUBMITTER = "submitter";

    public static final String UNIT = "unit";
    public static final String SIDE = "side";
    public static final String PROVINCE = "province";
    public static final String CORRELATION_ID = "correlationid";
    public static final String REQUEST_ID = "requestid";
    public static final String IDEMPOTENCY_KEY = "idempotencykey";

    /**
     * On a fact recorded under a province that the submitter's province continues (a unit of the An Giang formed in 2025
     * recording a 2024 fact of Kiên Giang): the submitter's province, the successor. Absent otherwise.
     */
    public static final String RECORDED_BY_SUCCESSOR = "recordedbysuccessor";

    /** The event's position in the global order of the event store; added when the event is published. */
    public static final String POSITION = "position";

    /** The keys the command side copies from a command onto the events it causes. */
    public static final List<String> SUBMISSION_KEYS =
            List.of(SUBMITTER, UNIT, SIDE, PROVINCE, CORRELATION_ID, REQUEST_ID, IDEMPOTENCY_KEY);

    private EventMetadata() {}
}
