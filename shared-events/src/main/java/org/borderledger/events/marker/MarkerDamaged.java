package org.borderledger.events.marker;

import java.time.LocalDate;

public record MarkerDamaged(String markerId, LocalDate damagedOn, String description) {}
