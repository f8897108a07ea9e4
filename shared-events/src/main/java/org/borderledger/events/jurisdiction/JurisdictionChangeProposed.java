package org.borderledger.events.jurisdiction;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.events.Province;
import org.borderledger.events.Side;

/**
 * A proposed change of the provinces' reference data, by an admin of {@code proposingSide} (who, as every fact's
 * submitter, is in the event's metadata): each entry replaces the one of the same code and valid-from date, or is
 * added. {@code reason} says why, {@code source} where its facts come from; nothing changes before the other side
 * approves it.
 */
public record JurisdictionChangeProposed(
        String changeId,
        List<Province> entries,
        String reason,
        String source,
        LocalDate proposedOn,
        Side proposingSide) {}
