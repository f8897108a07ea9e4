package org.borderledger.bench;

import java.time.Duration;
import java.time.Instant;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.security.ReferenceUnits;

/** The units the load speaks for: one of each side of the reference case, and an auditor who reads. */
final class Units {

    static final LedgerPrincipal KIEN_GIANG = ReferenceUnits.kienGiangUnit("bench-kg-border-guard");
    static final LedgerPrincipal KAMPOT = ReferenceUnits.kampotUnit("bench-kp-border-police");
    static final LedgerPrincipal AUDITOR = ReferenceUnits.auditor("bench-auditor");

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
