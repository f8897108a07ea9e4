package org.borderledger.events.jurisdiction;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.events.Province;
import org.borderledger.events.Side;

/**
 * The other side's admin approved a proposed change: from this event on its {@code entries} are part of the effective
 * reference data. The entries are the proposal's, repeated so that a reader applies an approval without its proposal.
 * {@code version} is the effective data's version after the change.
 */
public record JurisdictionChangeApproved(
        String changeId, List<Province> entries, LocalDate approvedOn, Side approvingSide, int version) {}
