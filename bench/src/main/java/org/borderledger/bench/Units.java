package org.borderledger.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;

/** The units the load speaks for: one of each side of the reference case, and an auditor who reads. */
final class Units {

    static final LedgerPrincipal KIEN_GIANG = new LedgerPrincipal(
            "bench-kg-border-guard",
            "Kiên Giang Border Guard Command",
            Side.VN,
            Provinces.KIEN_GIANG,
            Set.of(LedgerPrincipal.UNIT));
    static final LedgerPrincipal KAMPOT = new LedgerPrincipal(
            "bench-kp-border-police",
            "Kampot Provincial Border Police",
            Side.KH,
            Provinces.KAMPOT,
            Set.of(LedgerPrincipal.UNIT));
    static final LedgerPrincipal AUDITOR = new LedgerPrincipal(
            "bench-auditor",
            "Joint Border Commission Audit",
            Side.VN,
            Provinces.KIEN_GIANG,
            Set.of(LedgerPrincipal.AUDITOR));

    private Units() {}

    static LedgerPrincipal of(Side side) {
        return side == Side.VN ? KIEN_GIANG : KAMPOT;
    }

    /** Bearer tokens for the three principals, valid for the whole run. */
    record Tokens(String kienGiang, String kampot, String auditor) {

        static Tokens sign(String secret) {
            Instant now = Instant.now();
            Duration lifetime = Duration.ofHours(2);
            return new Tokens(
                    LedgerTokens.sign(secret, KIEN_GIANG, now, lifetime),
                    LedgerTokens.sign(secret, KAMPOT, now, lifetime),
                    LedgerTokens.sign(secret, AUDITOR, now, lifetime));
        }

        String of(LedgerPrincipal principal) {
            return principal.side() == Side.VN ? kienGiang : kampot;
        }
    }
}
