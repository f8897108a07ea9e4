package org.borderledger.command.audit;

/**
 * The global chain the seals checkpoint (see {@link TamperEvidence}): starting from the empty string, each event in
 * global order extends it with its position and its stored hash.
 */
final class SealChain {

    static final String GENESIS = "";

    private static final String VERSION = "border-ledger/seal-chain/v1";

    private SealChain() {}

    static String next(String chain, long position, String eventHash) {
        return CanonicalDigest.of(VERSION)
                .field(chain)
                .field(Long.toString(position))
                .field(eventHash == null ? "" : eventHash)
                .hex();
    }
}
