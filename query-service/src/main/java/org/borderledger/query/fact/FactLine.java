package org.borderledger.query.fact;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded fact: its place in the global order ({@code position}) and in its aggregate's history
 * ({@code sequence}), the business date it happened, the amount it adds to a figure (remains counted, an indicator's
 * value), for a correction the value it superseded, who submitted it (subject, unit, side, province) and when the
 * ledger recorded it, and the event itself as JSON.
 */
record FactLine(
        String aggregateId,
        long sequence,
        Long position,
        String eventType,
        String aggregateType,
        LocalDate businessDate,
        Long amount,
        Long previousAmount,
        String submitter,
        String unit,
        String side,
        String province,
        Instant recordedAt,
        @JsonRawValue String payload) {}
