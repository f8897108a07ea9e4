package org.borderledger.events.repatriation;

import java.time.LocalDate;

public record RemainsRecovered(String caseId, LocalDate recoveredOn, int count, RecoverySite site) {}
