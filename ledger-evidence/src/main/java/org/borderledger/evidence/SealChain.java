package org.borderledger.evidence;

/**
 * The global chain the seals checkpoint: starting from the empty string, each event in global order extends it with
 * its position and its stored hash, {@code c(n) = SHA-256(len(v) v len(c(n-1)) c(n-1) len(p) p len(h) h)} in hex,
 * where {@code v} is {@code border-ledger/seal-chain/v1}, {@code p} the position in decimal, {@code h} the event's
 * stored hash and {@code len} a 4-byte big-endian length.
 */
public final class SealChain {

    public static final String GENESIS = "";

    private static final String VERSION = "border-ledger/seal-chain/v1";

    private SealChain() {}

    public static String next(String chain, long position, String eventHash) {
        return CanonicalDigest.of(VERSION)
                .field(chain)
                .field(Long.toString(position))
                .field(eventHash == null ? "" : eventHash)
                .hex();
    }
}
