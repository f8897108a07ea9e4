package org.borderledger.command.audit;

import org.borderledger.security.FairShares;

/** Every audit query slot is taken (503), or the token's own share of them (429): {@code Retry-After: 1}. */
class AuditQueriesBusy extends RuntimeException {

    private final boolean ownShare;

    AuditQueriesBusy(FairShares.Refusal refusal, FairShares shares) {
        super(
                refusal == FairShares.Refusal.SHARE_TAKEN
                        ? "This token already runs " + shares.perSubject() + " audit queries, its share of "
                                + shares.total() + "; try again in a second"
                        : "All " + shares.total() + " audit queries are running; try again in a second",
                null,
                false,
                false);
        this.ownShare = refusal == FairShares.Refusal.SHARE_TAKEN;
    }

    boolean ownShare() {
        return ownShare;
    }
}
