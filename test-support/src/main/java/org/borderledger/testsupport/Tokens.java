package org.borderledger.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;

/** Tokens the services under test accept, for the units of the reference case. */
public final class Tokens {

    public static final LedgerPrincipal KIEN_GIANG_UNIT = new LedgerPrincipal(
            "kg-border-guard-officer", "KG-BORDER-GUARD", Side.VN, Provinces.KIEN_GIANG, Set.of(LedgerPrincipal.UNIT));
    public static final LedgerPrincipal KAMPOT_UNIT = new LedgerPrincipal(
            "kp-liaison-officer", "KP-BORDER-LIAISON", Side.KH, Provinces.KAMPOT, Set.of(LedgerPrincipal.UNIT));
    public static final LedgerPrincipal AUDITOR = new LedgerPrincipal(
            "auditor-1", "JOINT-COMMISSION", Side.VN, Provinces.KIEN_GIANG, Set.of(LedgerPrincipal.AUDITOR));

    private Tokens() {}

    public static String of(LedgerPrincipal principal) {
        return LedgerTokens.sign(TestInfrastructure.JWT_SECRET, principal, Instant.now(), Duration.ofHours(1));
    }

    public static String kienGiang() {
        return of(KIEN_GIANG_UNIT);
    }

    public static String kampot() {
        return of(KAMPOT_UNIT);
    }

    public static String auditor() {
        return of(AUDITOR);
    }
}
