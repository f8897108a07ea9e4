package org.borderledger.command.verification;

/** No full verification has this id: 404. */
class UnknownVerification extends RuntimeException {

    UnknownVerification(String id) {
        super("No full verification " + id, null, false, false);
    }
}
