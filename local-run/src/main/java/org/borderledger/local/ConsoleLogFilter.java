package org.borderledger.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What of the log reaches the terminal (the file under {@code $LEDGER_DATA_DIR/logs} gets everything): all of it with
 * {@code --verbose}; otherwise nothing while the run starts (a failed start is told in one line by the run itself),
 * then the ledger's own warnings and every error.
 */
public final class ConsoleLogFilter extends Filter<ILoggingEvent> {

    /** How much of the log the terminal shows. */
    enum Mode {
        /** Every line, as the file gets it: {@code --verbose}, and the tests that start the ledger in their JVM. */
        VERBOSE,
        /** Nothing: the run is starting. */
        STARTING,
        /** The ledger's warnings and every error. */
        RUNNING
    }

    private static volatile Mode mode = Mode.VERBOSE;

    static void mode(Mode next) {
        mode = next;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return switch (mode) {
            case VERBOSE -> FilterReply.NEUTRAL;
            case STARTING -> FilterReply.DENY;
            case RUNNING -> event.getLevel().isGreaterOrEqual(Level.ERROR)
                            || (event.getLevel().isGreaterOrEqual(Level.WARN)
                                    && event.getLoggerName().startsWith("org.borderledger."))
                    ? FilterReply.NEUTRAL
                    : FilterReply.DENY;
        };
    }
}
