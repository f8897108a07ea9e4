package org.borderledger.security;

import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;

/**
 * The principals of the reference case — the Kiên Giang Border Guard Command, the Kampot Provincial Border Police, the
 * joint commission's auditor and the ledger's operator — under a subject of the caller's choosing, so that the local
 * run, the benchmark and the tests each write as units of their own and a record shows which one wrote it.
 */
public final class ReferenceUnits {

    private ReferenceUnits() {}

    public static LedgerPrincipal kienGiangUnit(String subject) {
        return new LedgerPrincipal(
                subject,
                "Kiên Giang Border Guard Command",
                Side.VN,
                Provinces.KIEN_GIANG,
                Set.of(LedgerPrincipal.UNIT));
    }

    /** A unit of the An Giang formed on 1 July 2025 from Kiên Giang and the earlier An Giang. */
    public static LedgerPrincipal anGiangUnit(String subject) {
        return new LedgerPrincipal(
                subject, "An Giang Border Guard Command", Side.VN, Provinces.AN_GIANG, Set.of(LedgerPrincipal.UNIT));
    }

    public static LedgerPrincipal kampotUnit(String subject) {
        return new LedgerPrincipal(
                subject, "Kampot Provincial Border Police", Side.KH, Provinces.KAMPOT, Set.of(LedgerPrincipal.UNIT));
    }

    public static LedgerPrincipal auditor(String subject) {
        return new LedgerPrincipal(
                subject,
                "Joint Border Commission Audit",
                Side.VN,
                Provinces.KIEN_GIANG,
                Set.of(LedgerPrincipal.AUDITOR));
    }

    public static LedgerPrincipal admin(String subject) {
        return new LedgerPrincipal(
                subject,
                "Ledger Operations",
                Side.KH,
                Provinces.KAMPOT,
                Set.of(LedgerPrincipal.ADMIN, LedgerPrincipal.AUDITOR));
    }

    /**
     * An operator on the Vietnamese side, of An Giang: with {@link #admin} (Cambodian side) the two admins a change of
     * the provinces' reference data takes, one proposing and the other approving.
     */
    public static LedgerPrincipal anGiangAdmin(String subject) {
        return new LedgerPrincipal(
                subject, "Ledger Operations An Giang", Side.VN, Provinces.AN_GIANG, Set.of(LedgerPrincipal.ADMIN));
    }
}
