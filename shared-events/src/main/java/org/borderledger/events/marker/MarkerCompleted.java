package org.borderledger.events.marker;

import java.time.LocalDate;
import org.borderledger.events.Side;

/** Joint verification: the side that did not build the marker confirms it. Only this counts as completed. */
public record MarkerCompleted(String markerId, LocalDate confirmedOn, Side confirmingSide) {}
