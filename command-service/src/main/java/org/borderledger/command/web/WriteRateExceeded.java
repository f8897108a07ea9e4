package org.borderledger.command.web;

/** The submitter sent more writes than its rate allows (429): retry after {@link #retryAfterSeconds()}. */
class WriteRateExceeded extends RuntimeException {

    private final long retryAfterSeconds;
    private final double perSecond;

    WriteRateExceeded(long retryAfterSeconds, double perSecond) {
        super(
                "More writes than " + perSecond + " per second from this submitter; retry after " + retryAfterSeconds
                        + " s",
                null,
                false,
                false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.perSecond = perSecond;
    }

    double perSecond() {
        return perSecond;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
