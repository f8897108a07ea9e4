package org.borderledger.command.verification;

/** A cancellation of a full verification that no longer runs: 409. */
class VerificationFinished extends RuntimeException {

    VerificationFinished(String id, VerificationJob.Status status) {
        super("Full verification " + id + " is " + status + ", not running", null, false, false);
    }
}
