package org.borderledger.events.marker;

import java.time.LocalDate;

public record MarkerRepaired(String markerId, LocalDate repairedOn, String description) {}
