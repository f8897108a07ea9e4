package org.borderledger.events.repatriation;

import java.time.LocalDate;

public record RemainsRepatriated(
        String caseId, LocalDate repatriatedOn, int count, String borderGate, String receivingUnit) {}
