package org.borderledger.command.evidence;

import java.io.IOException;

/** The service has no key to sign seals with, so it does not start. */
class NoSealKey extends IllegalStateException {

    NoSealKey() {
        super("No seal signing key: set LEDGER_SEAL_KEY_FILE to an Ed25519 private key in PKCS#8 PEM form"
                + " (openssl genpkey -algorithm ed25519 -out seal-key.pem), or LEDGER_SEAL_KEY to its PEM text."
                + " The local run generates one into its data dir.");
    }

    NoSealKey(String keyFile, IOException cause) {
        super("The seal signing key cannot be read from " + keyFile + ": " + cause.getMessage(), cause);
    }
}
