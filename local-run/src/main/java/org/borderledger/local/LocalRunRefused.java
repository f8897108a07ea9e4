package org.borderledger.local;

/**
 * The local run cannot start as asked (a port in use, a data dir held or written by a newer version, a bad setting);
 * its message is the one line the user sees, saying what to change.
 */
final class LocalRunRefused extends RuntimeException {

    LocalRunRefused(String message) {
        super(message);
    }
}
