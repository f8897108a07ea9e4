package org.borderledger.command.verification;

/** A full verification runs already: 409, naming it. */
class VerificationRunning extends RuntimeException {

    private final String runningId;

    VerificationRunning(String runningId) {
        super("Full verification " + runningId + " is running; one runs at a time", null, false, false);
        this.runningId = runningId;
    }

    String runningId() {
        return runningId;
    }
}
