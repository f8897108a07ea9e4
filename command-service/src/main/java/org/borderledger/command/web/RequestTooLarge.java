package org.borderledger.command.web;

/** A request body over the configured limit ({@code ledger.web.max-request-size}); answered with 413. */
class RequestTooLarge extends RuntimeException {

    private final long limit;

    RequestTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.", null, false, false);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
