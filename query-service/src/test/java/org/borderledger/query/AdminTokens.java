package org.borderledger.query;

import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.testsupport.Tokens;

/** A token of the joint commission's administrator, who may rebuild and check the read models. */
public final class AdminTokens {

    public static final LedgerPrincipal ADMIN = new LedgerPrincipal(
            "admin-1", "JOINT-COMMISSION", Side.VN, Provinces.KIEN_GIANG, Set.of(LedgerPrincipal.ADMIN));

    private AdminTokens() {}

    public static String admin() {
        return Tokens.of(ADMIN);
    }
}
