package org.borderledger.query.position;

/**
 * Names under which the read position travels over HTTP. Every {@code /api/**} answer carries the highest event
 * position the read models had processed when it was read, in {@link #HEADER} and (for JSON bodies) in
 * {@code position}; a client asks for its own writes with {@link #MIN_PARAMETER} or {@link #MIN_HEADER}. Events of
 * different aggregates travel on different Kafka partitions, so the highest processed position does not promise that
 * every lower one is processed too: {@code minPosition=N} waits for exactly the event at N (and, by partition order,
 * the earlier events of its aggregate).
 */
public final class ReadPosition {

    /** The request attribute holding the position (a {@code long}) for controllers: {@code @RequestAttribute}. */
    public static final String ATTRIBUTE = "org.borderledger.query.position.ReadPosition";

    public static final String HEADER = "X-Ledger-Position";
    public static final String MIN_HEADER = "X-Min-Position";
    public static final String MIN_PARAMETER = "minPosition";

    private ReadPosition() {}
}
